import { CLASSIFICATIONS } from '../model/software-update';
import { LANGUAGES } from '../scenario/languages';
import { MICROSOFT_UPDATE_CATALOG } from '../scenario/microsoft-update-catalog';

/** The products the WSUS catalog offers on the Products tab of the software update point. */
export const SUP_PRODUCTS: readonly string[] = [
  ...new Set(MICROSOFT_UPDATE_CATALOG.map((entry) => entry.product)),
].sort((a, b) => a.localeCompare(b, 'en-US'));
export const SUP_CLASSIFICATIONS: readonly string[] = CLASSIFICATIONS;
export const SUP_LANGUAGES: readonly string[] = LANGUAGES;

/** What the Synchronized stage (and the New Site Role wizard by default) chooses. */
export const DEFAULT_SUP_SETTINGS = {
  products: [...SUP_PRODUCTS],
  classifications: ['Critical Updates', 'Security Updates', 'Update Rollups', 'Updates'],
  languages: ['English'],
};
