import { NODE_IDS } from '@/domain/console-tree/console-tree';
import { WalkthroughPanel } from '@/features/walkthroughs';
import { PaneBoundary } from '@/ui/pane-boundary';
import { useConsoleView } from './console-url';

/** The width of the walkthrough panel; it gives way on a narrow window so the results pane keeps its room. */
const PANEL_WIDTH = 300;

/**
 * The walkthrough side panel, right of the Actions pane, while the URL says `?walkthrough=<id>` (or `all`). It moves
 * the console (Show me, Start) through the console's own URL, so every step is a view that can be linked.
 */
export function WalkthroughSidePanel() {
  const [view, setView] = useConsoleView();
  if (!view.walkthrough) return null;
  return (
    <aside aria-label="Walkthrough panel" className="flex shrink-0" style={{ width: `min(${PANEL_WIDTH}px, 34vw)` }}>
      <div className="min-w-0 flex-1">
        <PaneBoundary what="the walkthrough" resetKeys={[view.walkthrough]}>
          <WalkthroughPanel
            walkthroughId={view.walkthrough}
            nodeId={view.nodeId}
            onOpenNode={(nodeId, selectedId) => setView({ nodeId, selectedId, wizard: null, propertiesId: null })}
            onChoose={(id) => setView({ walkthrough: id })}
            onClose={() => setView({ walkthrough: null })}
            onStarted={(phase) =>
              // The top of the stage's tree, so the first step is there to do rather than done already.
              setView({
                nodeId: phase === 'sms2003' ? NODE_IDS.sms2003SiteDatabase : NODE_IDS.siteDatabase,
                wizard: null,
              })
            }
          />
        </PaneBoundary>
      </div>
    </aside>
  );
}
