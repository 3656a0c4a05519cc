import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, mainWindowOptions } from '../../electron/window-options';
import { ROOT } from '../support/test-app';

describe('Electron window security', () => {
  it('isolates and sandboxes the renderer, with no Node in it', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
  it('hands only https and mailto links to the operating system', () => {
    expect(['https://tierbook.app', 'mailto:a@b.co'].map(isAllowedExternalUrl)).toEqual([true, true]);
    expect(['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'not a url'].map(isAllowedExternalUrl)).toEqual([false, false, false, false, false]);
  });
  it('ships a strict Content-Security-Policy: own origin only, no inline or remote scripts', () => {
    const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const directives = Object.fromEntries(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
  });
  it('packages with hardened fuses, the migrations, and no native rebuild', () => {
    const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    for (const line of ['runAsNode: false', 'enableNodeOptionsEnvironmentVariable: false', 'enableNodeCliInspectArguments: false', 'onlyLoadAppFromAsar: true', 'enableEmbeddedAsarIntegrityValidation: true', 'npmRebuild: false', '- db/migrations/**']) {
      expect(yml).toContain(line);
    }
    for (const target of ['nsis', 'dmg', 'AppImage', 'deb']) expect(yml).toMatch(new RegExp(`target:[\\s\\S]*${target}`));
  });
});
