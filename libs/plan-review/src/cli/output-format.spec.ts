import { chooseOutputFormat, inCi } from './output-format';

const terminal = { stdoutIsTTY: true, env: {} };
const pipe = { stdoutIsTTY: false, env: {} };
const ciTerminal = { stdoutIsTTY: true, env: { CI: 'true' } };

describe('choosing the output format', () => {
  it.each([
    ['a terminal outside CI', terminal, 'text'],
    ['a terminal in CI', ciTerminal, 'markdown'],
    ['a pipe or a file', pipe, 'markdown'],
    ['a pipe in CI (the GitHub workflows)', { stdoutIsTTY: false, env: { CI: 'true' } }, 'markdown'],
  ] as const)('prints %s by default as %s', (_, context, format) => {
    expect(chooseOutputFormat({ json: false }, context)).toBe(format);
  });

  it('follows --format wherever it prints', () => {
    for (const context of [terminal, pipe, ciTerminal]) {
      expect(chooseOutputFormat({ json: false, format: 'markdown' }, context)).toBe('markdown');
      expect(chooseOutputFormat({ json: false, format: 'text' }, context)).toBe('text');
    }
  });

  it('prints JSON with --json, terminal or not', () => {
    expect(chooseOutputFormat({ json: true }, terminal)).toBe('json');
    expect(chooseOutputFormat({ json: true }, pipe)).toBe('json');
  });
});

describe('telling CI from a terminal', () => {
  it.each([
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    [{ CI: 'TRUE' }, true],
    [{ CI: 'false' }, false],
    [{ CI: '0' }, false],
    [{ CI: '' }, false],
    [{}, false],
  ])('%j is CI: %s', (env, expected) => {
    expect(inCi(env)).toBe(expected);
  });
});
