export { Network, type NetworkProps } from './network';
export { MYSQL_PORT, PrivateSubnetAcl, type PrivateSubnetAclProps, REDIS_PORT } from './private-subnet-acl';
export { DataTierSecurityGroups, type DataTierSecurityGroupsProps } from './security-groups';
