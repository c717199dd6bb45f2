import { useConnectedAdmin } from '@/api/connection';

/** The window's status bar: ready, and who is connected. */
export function StatusBar() {
  const admin = useConnectedAdmin();
  return (
    <footer className="status-bar flex gap-4 px-2 py-0.5">
      <span>Ready</span>
      <span className="ml-auto">Connected as {admin}</span>
    </footer>
  );
}
