import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliConfigText, MIRROR_VARIABLE, providerMirror } from './cli-config';

describe('the project terraform CLI config', () => {
  it('uses a mirror only when it holds the AWS provider', () => {
    const empty = mkdtempSync(join(tmpdir(), 'mirror-'));
    expect(providerMirror({ [MIRROR_VARIABLE]: empty })).toBeUndefined();
    mkdirSync(join(empty, 'registry.terraform.io/hashicorp/aws'), { recursive: true });
    expect(providerMirror({ [MIRROR_VARIABLE]: empty })).toBe(empty);
  });

  it('installs the AWS provider from the mirror and everything else from the registry', () => {
    const text = cliConfigText('/opt/mirror');
    expect(text).toContain('path    = "/opt/mirror"');
    expect(text).toMatch(/filesystem_mirror \{[^}]*include = \["registry.terraform.io\/hashicorp\/aws"\]/);
    expect(text).toMatch(/direct \{\s*exclude = \["registry.terraform.io\/hashicorp\/aws"\]/);
  });

  it('falls back to the registry when there is no mirror (GitHub Actions)', () => {
    expect(cliConfigText(undefined)).not.toContain('provider_installation');
  });
});
