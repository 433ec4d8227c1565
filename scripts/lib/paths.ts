import path from 'node:path';

// scripts/lib natively, scripts/dist once bundled for the image: the project root is two up from
// either (ROOT from scripts/lib/common.sh wins when set).
export const ROOT = process.env.ROOT ?? path.resolve(import.meta.dirname, '..', '..');
