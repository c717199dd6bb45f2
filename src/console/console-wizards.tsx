import { useQuery } from '@tanstack/react-query';
import { useConnectedAdmin } from '@/api/connection';
import { sessionQuery } from '@/api/session';
import { SetupWizard } from '@/features/site-upgrade/setup-wizard';
import { useConsoleView } from './console-url';

/** The wizard the URL names (?wizard=...), so a demo link can open one. */
export function ConsoleWizards() {
  const admin = useConnectedAdmin();
  const session = useQuery(sessionQuery());
  const [view, setView] = useConsoleView();
  if (view.wizard !== 'upgrade-site' || !session.data) return null;
  return (
    <SetupWizard
      admin={admin}
      siteLabel={`${session.data.site.code} - ${session.data.site.name}`}
      onClose={() => setView({ wizard: null })}
      onOpenNode={(nodeId) => setView({ nodeId, wizard: null })}
    />
  );
}
