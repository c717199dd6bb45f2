/**
 * Demo mode: stage links that ask before they reset, "Copy Link to This View" (its dialog loads apart, see
 * console/lazy-parts.tsx) and the keyboard shortcuts sheet.
 */
export { StageLinkPrompt, OPEN_DEMO_LINK } from './stage-link-prompt';
export { COPY_LINK_TO_THIS_VIEW } from './copy-link-name';
export { KeyboardShortcuts, KEYBOARD_SHORTCUTS, SHORTCUT_GROUPS, setKeyboardShortcutsOpen } from './keyboard-shortcuts';
export { linkToView, STAGE_PARAM } from './stage-link';
