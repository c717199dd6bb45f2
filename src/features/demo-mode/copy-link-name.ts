/** The View menu's item, and the title of its dialog. */
export const COPY_LINK_TO_THIS_VIEW = 'Copy Link to This View';
