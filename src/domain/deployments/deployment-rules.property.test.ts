/**
 * Template eligibility as a property. The planning topic, "Using Deployment Templates That Specify SMS 2003 Settings":
 * "When deployment templates are created with the Deploy software updates to SMS 2003 clients setting enabled, the
 * template will be available on the Deployment Template page of the Deploy Software Updates Wizard only when all
 * software updates can be deployed to SMS 2003 clients. For example, if the software updates that are being deployed
 * all have a value of Yes for the Deployable to SMS2003 setting, the Deploy Software Updates Wizard will show all
 * templates regardless of configured SMS 2003 settings. If the software updates that are being deployed have a value
 * of No for the Deployable to SMS 2003 setting, the Deploy Software Updates Wizard will not show templates that have
 * the SMS 2003 settings configured."
 *
 * For any selection of updates with any "Deployable to SMS 2003" values and any templates, the expectation is worked
 * out here, independently of the domain's own rule, and compared with isTemplateOffered and whyTemplateNotOffered.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeploymentTemplate } from '../model/site-objects';
import type { SoftwareUpdate } from '../model/software-update';
import { CONTOSO } from '../scenario/contoso-names';
import { buildContosoStage, DEFAULT_SEED } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import {
  isTemplateOffered,
  namesOf,
  updatesNotDeployableToSms2003,
  whySms2003SettingsNotShown,
  whyTemplateNotOffered,
} from './deployment-rules';

/** Each run is a few list operations: a thousand runs take well under a second. */
const NUM_RUNS = 1000;

/** The Synchronized site: its software updates are the real ones, with both values of Deployable to SMS 2003. */
const synchronized = buildContosoStage('synchronized', DEFAULT_SEED, DEFAULT_SCALE);
const template0 = synchronized.softwareUpdates[0];
if (!template0) throw new Error('The Synchronized site has no software updates');
/** Every field of a real update, so that the generated ones are whole SoftwareUpdate objects. */
const BASE_UPDATE: SoftwareUpdate = template0;

type Template = Pick<DeploymentTemplate, 'name' | 'deployToSms2003Clients'>;

/** Updates with any titles (repeats, commas and "and" included) and any Deployable to SMS 2003 value. */
const updatesArb: fc.Arbitrary<SoftwareUpdate[]> = fc
  .array(fc.record({ title: fc.string({ maxLength: 40 }), deployableToSms2003: fc.boolean() }), { maxLength: 12 })
  .map((drafts) =>
    drafts.map((draft, index) => ({ ...BASE_UPDATE, id: String(20_000_000 + index), uniqueId: `u${index}`, ...draft })),
  );
const deployableUpdateArb = fc
  .string({ maxLength: 40 })
  .map((title): SoftwareUpdate => ({ ...BASE_UPDATE, id: '30000001', title, deployableToSms2003: true }));
const notDeployableUpdateArb = fc
  .string({ maxLength: 40 })
  .map((title): SoftwareUpdate => ({ ...BASE_UPDATE, id: '30000002', title, deployableToSms2003: false }));
const templateArb: fc.Arbitrary<Template> = fc.record({
  name: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...Object.values(CONTOSO.templates))),
  deployToSms2003Clients: fc.boolean(),
});
const templatesArb = fc.array(templateArb, { maxLength: 6 });

/** "A", "A and B", "A, B and C", "A, B, C and 2 more": the sentence's list, written out here. */
function expectedNames(titles: readonly string[]): string {
  if (titles.length === 0) return '';
  if (titles.length === 1) return titles[0] ?? '';
  if (titles.length <= 3) return `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1] ?? ''}`;
  return `${titles.slice(0, 3).join(', ')} and ${titles.length - 3} more`;
}

/** The reason the wizard gives for a template it does not offer, or null: worked out without the domain. */
function expectedWhyNot(template: Template, updates: readonly SoftwareUpdate[]): string | null {
  const blocking = updates.filter((update) => update.deployableToSms2003 === false).map((update) => update.title);
  if (!template.deployToSms2003Clients || blocking.length === 0) return null;
  return (
    `The deployment template ${template.name} deploys software updates to SMS 2003 clients, so it is offered only ` +
    `when every software update is Deployable to SMS 2003; ${expectedNames(blocking)} ` +
    `${blocking.length === 1 ? 'is' : 'are'} not.`
  );
}

const offeredNames = (templates: readonly Template[], updates: readonly SoftwareUpdate[]) =>
  templates.filter((template) => isTemplateOffered(template, updates)).map((template) => template.name);

/** A permutation of a list, from sort keys. */
function permuted<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, index) => ({ item, key: keys[index] ?? 0, index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map(({ item }) => item);
}

describe('"the template will be available ... only when all software updates can be deployed to SMS 2003 clients"', () => {
  it('isTemplateOffered is true exactly when the template does not deploy to SMS 2003 or every update is Deployable to SMS 2003', () => {
    fc.assert(
      fc.property(templateArb, updatesArb, (template, updates) => {
        const everyDeployable = updates.every((update) => update.deployableToSms2003);
        expect(isTemplateOffered(template, updates)).toBe(!template.deployToSms2003Clients || everyDeployable);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('whyTemplateNotOffered is null exactly when the template is offered, and otherwise names the updates that are not Deployable to SMS 2003', () => {
    fc.assert(
      fc.property(templateArb, updatesArb, (template, updates) => {
        const why = whyTemplateNotOffered(template, updates);
        expect(why === null).toBe(isTemplateOffered(template, updates));
        expect(why).toBe(expectedWhyNot(template, updates));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('names the first three updates that are not Deployable to SMS 2003 and counts the rest as "N more"; never a deployable one', () => {
    fc.assert(
      fc.property(
        templateArb.map((template) => ({ ...template, deployToSms2003Clients: true })),
        updatesArb,
        fc.uniqueArray(fc.nat({ max: 1000 }), { minLength: 12, maxLength: 12 }),
        (template, drafts, suffixes) => {
          // Titles made distinct, so that which update is named can be told from the sentence.
          const updates = drafts.map((update, index) => ({ ...update, title: `Update ${suffixes[index] ?? index}` }));
          const blocking = updates.filter((update) => !update.deployableToSms2003);
          const why = whyTemplateNotOffered(template, updates);
          if (blocking.length === 0) {
            expect(why).toBeNull();
            return;
          }
          const sentence = why ?? '';
          const list = sentence.slice(sentence.lastIndexOf('; ') + 2);
          for (const update of updates) {
            const named = new RegExp(`\\b${update.title}\\b`).test(list);
            expect(named, update.title).toBe(blocking.slice(0, 3).includes(update));
          }
          if (blocking.length > 3) expect(list).toContain(` and ${blocking.length - 3} more are not.`);
          else expect(list).not.toContain('more');
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('does not depend on the order of the updates: the same templates are offered, and a refusal names the same number of updates', () => {
    fc.assert(
      fc.property(
        templatesArb,
        updatesArb,
        fc.array(fc.nat({ max: 100 }), { minLength: 12, maxLength: 12 }),
        (templates, updates, keys) => {
          const shuffled = permuted(updates, keys);
          expect(offeredNames(templates, shuffled)).toEqual(offeredNames(templates, updates));
          for (const template of templates) {
            const why = whyTemplateNotOffered(template, shuffled);
            expect(why === null).toBe(whyTemplateNotOffered(template, updates) === null);
            // The sentence names the first three of the shuffled order: what the wizard shows follows the selection.
            expect(why).toBe(expectedWhyNot(template, shuffled));
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('"if the software updates that are being deployed all have a value of Yes ... will show all templates": adding a deployable update never removes an offered template', () => {
    fc.assert(
      fc.property(
        templatesArb,
        updatesArb,
        deployableUpdateArb,
        fc.nat({ max: 12 }),
        (templates, updates, added, at) => {
          const more = [...updates.slice(0, at), added, ...updates.slice(at)];
          const before = offeredNames(templates, updates);
          const after = offeredNames(templates, more);
          expect(after).toEqual(before);
          if (updates.every((update) => update.deployableToSms2003)) {
            expect(after).toEqual(templates.map((template) => template.name));
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('"will not show templates that have the SMS 2003 settings configured": adding a non-deployable update removes exactly the SMS 2003 templates', () => {
    fc.assert(
      fc.property(
        templatesArb,
        updatesArb,
        notDeployableUpdateArb,
        fc.nat({ max: 12 }),
        (templates, updates, added, at) => {
          const more = [...updates.slice(0, at), added, ...updates.slice(at)];
          const after = templates.filter((template) => isTemplateOffered(template, more));
          expect(after).toEqual(templates.filter((template) => !template.deployToSms2003Clients));
          // What it removed were offered before (or already refused by another non-deployable update).
          for (const template of templates) {
            if (!after.includes(template)) expect(template.deployToSms2003Clients).toBe(true);
          }
          expect(whyTemplateNotOffered({ name: 'T', deployToSms2003Clients: true }, more)).toContain(
            more.filter((update) => !update.deployableToSms2003).length === 1 ? `${added.title} is not.` : ' are not.',
          );
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('a template without the SMS 2003 setting is offered for every selection, the empty one included', () => {
    fc.assert(
      fc.property(fc.string(), updatesArb, (name, updates) => {
        expect(isTemplateOffered({ deployToSms2003Clients: false }, updates)).toBe(true);
        expect(whyTemplateNotOffered({ name, deployToSms2003Clients: false }, updates)).toBeNull();
      }),
      { numRuns: NUM_RUNS },
    );
    expect(isTemplateOffered({ deployToSms2003Clients: true }, [])).toBe(true);
  });
});

describe('the Synchronized site\'s own updates: "Software updates only from Microsoft Update and published custom updates can be deployed to SMS 2003 clients"', () => {
  const selectable = synchronized.softwareUpdates.filter((update) => !update.legacy && !update.expired);
  const templates: Template[] = [
    { name: CONTOSO.templates.workstationsSms2003, deployToSms2003Clients: true },
    { name: CONTOSO.templates.serversStandard, deployToSms2003Clients: false },
  ];

  it('has synchronized updates of both kinds, KB890830 and KB955020 among those not Deployable to SMS 2003', () => {
    const notDeployable = updatesNotDeployableToSms2003(selectable).map((update) => update.title);
    expect([...notDeployable].sort()).toEqual([...CONTOSO.notDeployableToSms2003].sort());
    expect(selectable.length).toBeGreaterThan(notDeployable.length);
  });

  it('offers Workstations - SMS 2003 Clients for a selection exactly when it holds neither KB890830 nor KB955020; Servers - Standard always', () => {
    fc.assert(
      fc.property(fc.subarray(selectable, { minLength: 1 }), (selection) => {
        const holdsNotDeployable = selection.some((update) =>
          (CONTOSO.notDeployableToSms2003 as readonly string[]).includes(update.title),
        );
        expect(offeredNames(templates, selection)).toEqual(
          holdsNotDeployable
            ? [CONTOSO.templates.serversStandard]
            : [CONTOSO.templates.workstationsSms2003, CONTOSO.templates.serversStandard],
        );
        // The SMS 2003 Settings page follows the same rule.
        expect(whySms2003SettingsNotShown(selection) === null).toBe(!holdsNotDeployable);
      }),
      { numRuns: 300 },
    );
  });
});

describe('namesOf: "A, B and 3 more"', () => {
  it('lists every title when there are at most `shown`, and otherwise the first `shown` and how many more', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 10 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 5 }),
        (titles, shown) => {
          const text = namesOf(
            titles.map((title) => ({ title })),
            shown,
          );
          if (titles.length === 0) expect(text).toBe('');
          else if (titles.length === 1) expect(text).toBe(titles[0]);
          else if (titles.length <= shown) {
            expect(text).toBe(`${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1] ?? ''}`);
          } else expect(text).toBe(`${titles.slice(0, shown).join(', ')} and ${titles.length - shown} more`);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
