export { regionalKeyPolicy, type KeyPolicyInput } from './key-policy';
export { RegionalKey, type RegionalKeyProps } from './regional-key';
