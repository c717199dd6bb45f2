#!/usr/bin/env node
// `npm start`: builds the console (static files in dist/, mock backend included) and serves it on localhost.
// The service worker behind the mock backend needs a secure context, which http://localhost is.
import { build, preview } from 'vite';

const port = Number(process.env.PORT ?? 4173);
console.log('Building the console...');
await build({ logLevel: 'warn' });
const server = await preview({ preview: { host: 'localhost', port, strictPort: true } });
const url = server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
console.log(`\nConfiguration Manager 2007 console (Contoso site) is running at ${url}`);
console.log('Open it in a browser; press Ctrl+C to stop.\n');
