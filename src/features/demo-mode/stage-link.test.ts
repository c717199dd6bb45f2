import { describe, expect, it } from 'vitest';
import { isStageId, linkToView, withoutStage } from './stage-link';

describe('demo links', () => {
  it('a link to the view carries the stage and the administrator, after the view itself', () => {
    expect(
      linkToView(
        'http://localhost:4173',
        '/console/software-updates/update-repository',
        '?q=KB941644&sort=bulletinId%3Adesc&stage=just-upgraded&as=x',
        'configured',
        'CONTOSO\\patchadmin',
      ),
    ).toBe(
      'http://localhost:4173/console/software-updates/update-repository?q=KB941644&sort=bulletinId%3Adesc&stage=configured&as=CONTOSO%5Cpatchadmin',
    );
  });

  it('leaves out a dialog that is only about the link', () => {
    expect(linkToView('', '/console/x', '?wizard=copy-link&sel=3', 'synchronized', 'A', ['copy-link'])).toBe(
      '/console/x?sel=3&stage=synchronized&as=A',
    );
  });

  it('opens the view without the stage once the stage is settled', () => {
    expect(withoutStage('/console/x', '?q=a&stage=configured&sort=b')).toBe('/console/x?q=a&sort=b');
    expect(withoutStage('/console/x', '?stage=configured')).toBe('/console/x');
  });

  it('knows the stages', () => {
    expect(isStageId('configured')).toBe(true);
    expect(isStageId('nonsense')).toBe(false);
    expect(isStageId(null)).toBe(false);
  });
});
