import { alignColumns } from './text-columns';

describe('alignColumns', () => {
  it('pads text columns on the right and number columns on the left, two spaces apart', () => {
    const rows = alignColumns(
      [
        ['Stack', 'Create', 'Cost'],
        ['primary-east', '80', '$492.79'],
        ['state-backend', '5', '$3.12'],
      ],
      ['l', 'r', 'r'],
    );
    expect(rows).toEqual(['Stack          Create     Cost', 'primary-east       80  $492.79', 'state-backend       5    $3.12']);
  });

  it('indents every row and drops trailing spaces of a short last text column', () => {
    expect(alignColumns([['update', 'a', 'x'], ['replace', 'b', '']], ['l', 'l', 'l'], '  ')).toEqual(['  update   a  x', '  replace  b']);
  });
});
