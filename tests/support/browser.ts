// The OS's Chromium driven by playwright-core, with the flags that work headless on these machines
// (no sandbox as root, software WebGL for MapLibre, no name resolution beyond localhost).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, baseUrl, stackEnv } from './stack.ts';

export const ARTIFACTS = path.join(ROOT, 'artifacts', 'e2e');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Basemap tiles and anything else off this machine resolve nowhere: tests stay on localhost.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
}

export async function logIn(page: Page, email = stackEnv().ADMIN_EMAIL, password = stackEnv().ADMIN_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/admin/login`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  // The admin app reopens the user's last page, which may be any module of ours or Directus's.
  await page.waitForURL((url) => url.pathname.startsWith('/admin/') && !url.pathname.startsWith('/admin/login'));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
