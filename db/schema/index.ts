export * from './enums';
export * from './teams';
export * from './working-time';
export * from './people';
export * from './meetings';
export * from './records';
export * from './audit';
export * from './outbox';
