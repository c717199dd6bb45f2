import { useId } from 'react';
import type { EligibilityResponse } from '@/domain/contract/deployment-contract';
import { chosenLanguages, languagesOfUpdates } from './deploy-wizard-form';
import { FieldError, Group } from './form-parts';
import type { PageProps } from './page-props';

/** Language Selection: the languages of the software updates to download (English ticked). */
export function LanguageSelectionPage({
  form,
  errors,
  change,
  updates,
}: PageProps & { updates: EligibilityResponse['updates'] }) {
  const errorId = useId();
  const offered = languagesOfUpdates(updates);
  const chosen = chosenLanguages(form, updates);
  return (
    <div className="space-y-3">
      <p>The software updates are downloaded in the languages ticked.</p>
      <Group legend="Languages" describedBy={errors.languages ? errorId : undefined}>
        {offered.map((language, index) => (
          <label key={language} className="flex items-center gap-2">
            <input
              type="checkbox"
              data-field={index === 0 ? 'languages' : undefined}
              checked={chosen.includes(language)}
              onChange={(event) =>
                change({
                  languages: event.target.checked
                    ? offered.filter((candidate) => candidate === language || chosen.includes(candidate))
                    : chosen.filter((candidate) => candidate !== language),
                })
              }
            />
            {language}
          </label>
        ))}
        <FieldError id={errorId} error={errors.languages} />
      </Group>
    </div>
  );
}
