import { topologicalOrder } from '../src/deploy-order';

describe('topologicalOrder', () => {
  it('puts every stack after the stacks it depends on, and is stable otherwise', () => {
    const dependencies: Record<string, string[]> = { 'replica-west': ['primary-east'], 'replica-ohio': ['primary-east'], 'primary-east': [] };
    expect(topologicalOrder(['replica-west', 'replica-ohio', 'primary-east'], (stack) => dependencies[stack])).toEqual(['primary-east', 'replica-ohio', 'replica-west']);
  });

  it('follows the flipped order after a failover', () => {
    const dependencies: Record<string, string[]> = { 'primary-east': ['replica-west'], 'replica-ohio': ['replica-west'], 'replica-west': [] };
    expect(topologicalOrder(['primary-east', 'replica-ohio', 'replica-west'], (stack) => dependencies[stack])).toEqual(['replica-west', 'primary-east', 'replica-ohio']);
  });

  it('refuses a cycle and names a stack on it', () => {
    expect(() => topologicalOrder(['a', 'b'], (stack) => (stack === 'a' ? ['b'] : ['a']))).toThrow(/dependency cycle through a/);
  });
});
