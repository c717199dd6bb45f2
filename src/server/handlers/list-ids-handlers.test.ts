import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_IDS } from '@/domain/console-tree/console-tree';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { scaleForSoftwareUpdates } from '@/domain/scenario/scale';
import { startTestBackend } from '../test-harness';

/**
 * GET /api/ids/<resource>: the IDs of the selected rows of exactly the list the console shows (node, search, sort and
 * the selection's index ranges), which the Deploy Software Updates Wizard acts on.
 */

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
const { smsadmin, patchadmin } = CONTOSO.administrators;

let h: Harness;
beforeAll(async () => {
  h = await startTestBackend({ stage: 'configured' });
});
afterAll(() => h.stop());

const ms08067 = `node=${encodeURIComponent(NODE_IDS.updateRepository)}&q=MS08-067`;

async function listIds(query: string, admin: string = smsadmin) {
  return h.call(`/api/ids/software-updates?${query}`, { admin }) as Promise<{
    status: number;
    body: { ids?: string[]; total?: number; error?: { code: string; message: string; field?: string } };
  }>;
}

async function listIdsInOrder(query: string) {
  const { status, body } = await h.call(`/api/software-updates?${query}&limit=500`);
  expect(status).toBe(200);
  return (body.items ?? []).map((item) => String(item.id));
}

describe('GET /api/ids/<resource>', () => {
  it('answers every row of the list, in the list order, when no rows are named', async () => {
    const inOrder = await listIdsInOrder(`${ms08067}&sort=title:desc`);
    const { status, body } = await listIds(`${ms08067}&sort=title:desc`);
    expect(status).toBe(200);
    expect(inOrder.length).toBeGreaterThan(1);
    expect(body.ids).toEqual(inOrder);
    expect(body.total).toBe(inOrder.length);
  });

  it('answers the rows the selection names, by position in that very list (search and sort)', async () => {
    const inOrder = await listIdsInOrder(`${ms08067}&sort=title:asc`);
    const { status, body } = await listIds(`${ms08067}&sort=title:asc&rows=0-1,4`);
    expect(status).toBe(200);
    expect(body.ids).toEqual([inOrder[0], inOrder[1], inOrder[4]]);
    // The same positions of another sort are other updates.
    const reversed = await listIds(`${ms08067}&sort=title:desc&rows=0-1,4`);
    expect(reversed.body.ids).toEqual([inOrder.at(-1), inOrder.at(-2), inOrder.at(-5)]);
  });

  it('ignores positions beyond the end of the list', async () => {
    const { body } = await listIds(`${ms08067}&rows=0,999-1200`);
    expect(body.ids).toHaveLength(1);
  });

  it('lists a search folder node or a folder as its list does', async () => {
    const node = encodeURIComponent(`${NODE_IDS.updateRepository}/security-updates`);
    const inOrder = await listIdsInOrder(`node=${node}`);
    const { body } = await listIds(`node=${node}&rows=0-2`);
    expect(body.ids).toEqual(inOrder.slice(0, 3));
  });

  it('refuses a malformed rows, an unknown resource, and a list the caller may not read', async () => {
    const malformed = await listIds(`${ms08067}&rows=0-4;7`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.field).toBe('rows');
    const unknown = await h.call('/api/ids/nothing-here');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.field).toBe('resource');
    const templates = await h.call('/api/ids/deployment-templates', { admin: patchadmin });
    expect(templates.status).toBe(403);
    expect(templates.body.error?.message).toContain('Deployment Templates');
    const noAdmin = await h.call('/api/ids/software-updates', { admin: null });
    expect(noAdmin.status).toBe(401);
  });
});

describe('GET /api/ids/<resource> on a large site', () => {
  let large: Harness;
  beforeAll(async () => {
    large = await startTestBackend({ stage: 'just-upgraded', scale: scaleForSoftwareUpdates(6000) });
  });
  afterAll(() => large.stop());
  const ids = (query: string) => large.call(`/api/ids/software-updates?${query}`);

  it('answers up to 5,000 rows, Ctrl+A of a long list included', async () => {
    const { status, body } = await ids('rows=0-4999');
    expect(status).toBe(200);
    expect(body.ids).toHaveLength(5000);
    expect(new Set(body.ids as string[]).size).toBe(5000);
  });

  it('refuses more than 5,000 rows with a 400 naming rows, and says how many were asked for', async () => {
    const { body: all } = await ids('rows=0');
    const total = Number(all.total);
    expect(total).toBeGreaterThan(5000);
    const tooMany = await ids('rows=0-5000');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: 'BAD_REQUEST', field: 'rows' });
    expect(tooMany.body.error?.message).toBe(
      'rows: at most 5,000 rows can be asked for at once; these rows name 5,001',
    );
    const whole = await ids('');
    expect(whole.status).toBe(400);
    expect(whole.body.error?.field).toBe('rows');
    expect(whole.body.error?.message).toContain(`the whole list holds ${total.toLocaleString('en-US')}`);
  });
});
