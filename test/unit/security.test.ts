import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalLinkDecision, TRUSTED_LINK_HOSTS } from '../../electron/external-links';
import { mainWindowOptions } from '../../electron/window-options';
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
  it('opens mailto and the few trusted hosts, asks before any other https host, refuses the rest', () => {
    const decide = (urls: string[]) => urls.map((url) => [url, externalLinkDecision(url)]);
    const open = ['mailto:a@b.co', 'https://wa.me/8613800138000', 'https://api.whatsapp.com/send?phone=8613800138000', 'https://WA.ME/1'];
    expect(decide(open)).toEqual(open.map((url) => [url, 'open']));
    // Look-alikes of a trusted host are other hosts: asked about, never opened silently.
    const confirm = ['https://tierbook.app', 'https://example.com/help', 'https://wa.me.evil.example/', 'https://evilwa.me/', 'https://wa.me:8443/1', 'https://xn--w-ela.me/'];
    expect(decide(confirm)).toEqual(confirm.map((url) => [url, 'confirm']));
    const refuse = ['http://example.com', 'http://wa.me/1', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'tel:+8613800138000', 'ms-msdt:/id', 'https://wa.me@evil.example/', 'https://user:pw@example.com/', 'not a url', ''];
    expect(decide(refuse)).toEqual(refuse.map((url) => [url, 'refuse']));
    expect(TRUSTED_LINK_HOSTS.length).toBeLessThanOrEqual(3);
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
