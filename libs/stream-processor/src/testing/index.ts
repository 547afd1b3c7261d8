// @xyz/stream-processor/testing: builders for the tests of the processor and of the local pipeline.
export { batch, deviceEvent, eventRecord, kinesisRecord } from './kinesis-records';
export { unpackIndexJs } from './unpack-index-js';
