// Over 250 lines: the double answers every gRPC method the real client calls (append, batch append, read, subscribe), and one file keeps its stream state consistent across them.
/**
 * An in-process gRPC DOUBLE of the EventStoreDB API, for tests only. It serves the service
 * definitions shipped inside `@eventstore/db-client`, so the real client talks to it over a real
 * socket with the real wire format. It proves that the adapter speaks the client's protocol; it
 * does NOT prove that EventStoreDB behaves like it (no idempotent writes, no ACLs, no scavenging,
 * no stream metadata, no filters, no stream subscriptions, commit == prepare positions).
 *
 * Implemented: ServerFeatures.GetSupportedMethods, Streams.Append, Streams.BatchAppend (only when
 * `batchAppend` is on, as real servers advertise it), Streams.Read for one stream or `$all`,
 * forwards and backwards, and `$all` subscriptions (confirmation, catch-up, caught-up, live).
 */
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb.js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import featuresPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import codePb from '@eventstore/db-client/generated/code_pb.js';
import anyPb from 'google-protobuf/google/protobuf/any_pb.js'; // typed in ./google-protobuf.d.ts
import { DoubleLog, type Expected, type LogRecord, type Proposed } from './log.js';

const { ReadReq, ReadResp, AppendResp, BatchAppendResp } = streamsPb;
type ReadReqT = InstanceType<typeof ReadReq>;
type ReadRespT = InstanceType<typeof ReadResp>;
type AppendReqT = InstanceType<typeof streamsPb.AppendReq>;
type BatchAppendReqT = InstanceType<typeof streamsPb.BatchAppendReq>;

export interface EventStoreDouble {
  /** `esdb://127.0.0.1:PORT?tls=false`: what a user would put in the store URL. */
  connectionString: string;
  log: DoubleLog;
  /** Calls made, by method name: lets tests see which append path the client took. */
  calls: Map<string, number>;
  stop(): Promise<void>;
}

const bytesToString = (b: Uint8Array | string): string => (typeof b === 'string' ? Buffer.from(b, 'base64').toString('utf8') : Buffer.from(b).toString('utf8'));
const identifier = (stream: string) => new sharedPb.StreamIdentifier().setStreamName(Buffer.from(stream, 'utf8'));
const uuidBytes = (id: string) => new sharedPb.UUID().setString(id).serializeBinary();

function proposed(message: { getId(): InstanceType<typeof sharedPb.UUID> | undefined; getMetadataMap(): { get(k: string): string | undefined }; getData_asU8(): Uint8Array; getCustomMetadata_asU8(): Uint8Array }): Proposed {
  const id = message.getId();
  const type = message.getMetadataMap().get('type');
  const contentType = message.getMetadataMap().get('content-type');
  if (!id || !type || !contentType) throw new Error('A proposed message needs an id, a type and a content-type');
  return { id: id.serializeBinary(), type, contentType, data: message.getData_asU8(), customMetadata: message.getCustomMetadata_asU8() };
}

function recordedEvent(record: LogRecord) {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(sharedPb.UUID.deserializeBinary(record.id))
    .setStreamIdentifier(identifier(record.stream))
    .setStreamRevision(record.revision.toString())
    .setCommitPosition(record.position.toString())
    .setPreparePosition(record.position.toString())
    .setData(record.data)
    .setCustomMetadata(record.customMetadata);
  const metadata = recorded.getMetadataMap();
  metadata.set('type', record.type);
  metadata.set('content-type', record.contentType);
  metadata.set('created', record.created.toString());
  const event = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(record.position.toString());
  return new ReadResp().setEvent(event);
}

/** The records a read asks for, in the order asked; undefined for a stream that does not exist. */
function select(log: DoubleLog, options: InstanceType<typeof ReadReq.Options>): LogRecord[] | undefined {
  const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  const count = options.hasCount() ? Number(BigInt(options.getCount())) : Number.MAX_SAFE_INTEGER;
  const take = (records: readonly LogRecord[], keep: (r: LogRecord) => boolean) => {
    const ordered = backwards ? [...records].reverse() : records;
    return ordered.filter(keep).slice(0, count);
  };
  if (options.hasStream()) {
    const s = options.getStream()!;
    const records = log.stream(bytesToString(s.getStreamIdentifier()!.getStreamName()));
    if (!records) return undefined;
    if (s.hasStart()) return take(records, () => !backwards);
    if (s.hasEnd()) return take(records, () => backwards);
    const from = BigInt(s.getRevision());
    return take(records, (r) => (backwards ? r.revision <= from : r.revision >= from));
  }
  const all = options.getAll()!;
  if (all.hasStart()) return take(log.records, () => !backwards);
  if (all.hasEnd()) return take(log.records, () => backwards);
  // Like the server, a read from a position includes the event at that position.
  const from = BigInt(all.getPosition()!.getCommitPosition());
  return take(log.records, (r) => (backwards ? r.position < from : r.position >= from));
}

function read(log: DoubleLog, call: grpc.ServerWritableStream<ReadReqT, ReadRespT>): void {
  const options = call.request.getOptions();
  if (!options) {
    call.destroy(Object.assign(new Error('options are required'), { code: grpc.status.INVALID_ARGUMENT }));
    return;
  }
  if (options.hasSubscription()) return subscribe(log, options, call);
  const records = select(log, options);
  if (!records) {
    const name = options.getStream()!.getStreamIdentifier()!;
    call.write(new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(name)));
  } else {
    for (const record of records) call.write(recordedEvent(record));
  }
  call.end();
}

function subscribe(log: DoubleLog, options: InstanceType<typeof ReadReq.Options>, call: grpc.ServerWritableStream<ReadReqT, ReadRespT>): void {
  if (!options.hasAll() || options.hasFilter()) {
    call.destroy(Object.assign(new Error('the double serves unfiltered $all subscriptions only'), { code: grpc.status.UNIMPLEMENTED }));
    return;
  }
  const all = options.getAll()!;
  // Register before the catch-up snapshot, buffer until it is sent: nothing lost, nothing twice.
  const pending: LogRecord[] = [];
  let catchingUp = true;
  const stop = log.onAppend((record) => (catchingUp ? pending.push(record) : call.write(recordedEvent(record))));
  call.on('cancelled', stop);
  call.on('close', stop);
  call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
  // Unlike a read, a subscription from a position starts after it.
  const after = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : all.hasEnd() ? BigInt(Number.MAX_SAFE_INTEGER) : -1n;
  for (const record of log.records) if (record.position > after && !pending.includes(record)) call.write(recordedEvent(record));
  call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
  catchingUp = false;
  for (const record of pending) call.write(recordedEvent(record));
}

function expectedOf(o: { hasRevision?(): boolean; getRevision?(): string; hasStreamPosition?(): boolean; getStreamPosition?(): string; hasNoStream(): boolean; hasStreamExists(): boolean }): Expected {
  if (o.hasRevision?.()) return { kind: 'revision', revision: BigInt(o.getRevision!()) };
  if (o.hasStreamPosition?.()) return { kind: 'revision', revision: BigInt(o.getStreamPosition!()) };
  if (o.hasNoStream()) return { kind: 'no_stream' };
  if (o.hasStreamExists()) return { kind: 'stream_exists' };
  return { kind: 'any' };
}

function append(log: DoubleLog, call: grpc.ServerReadableStream<AppendReqT, InstanceType<typeof AppendResp>>, done: grpc.sendUnaryData<InstanceType<typeof AppendResp>>): void {
  let stream: string | undefined;
  let expected: Expected = { kind: 'any' };
  const events: Proposed[] = [];
  call.on('data', (req: AppendReqT) => {
    if (req.hasOptions()) {
      const o = req.getOptions()!;
      stream = bytesToString(o.getStreamIdentifier()!.getStreamName());
      expected = expectedOf(o);
    } else if (req.hasProposedMessage()) events.push(proposed(req.getProposedMessage()!));
  });
  call.on('end', () => {
    if (stream === undefined) return done({ code: grpc.status.INVALID_ARGUMENT, details: 'the first append message must carry options' });
    const outcome = log.append(stream, expected, events);
    if (outcome.ok) {
      const success = new AppendResp.Success()
        .setCurrentRevision(outcome.currentRevision.toString())
        .setPosition(new AppendResp.Position().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString()));
      return done(null, new AppendResp().setSuccess(success));
    }
    // Classic Append reports a conflict as a normal reply, not as a gRPC error.
    const wrong = new AppendResp.WrongExpectedVersion();
    if (outcome.currentRevision === undefined) wrong.setCurrentNoStream(new sharedPb.Empty());
    else wrong.setCurrentRevision(outcome.currentRevision.toString());
    if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString());
    else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new sharedPb.Empty());
    else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new sharedPb.Empty());
    else wrong.setExpectedAny(new sharedPb.Empty());
    done(null, new AppendResp().setWrongExpectedVersion(wrong));
  });
}

function batchAppend(log: DoubleLog, call: grpc.ServerDuplexStream<BatchAppendReqT, InstanceType<typeof BatchAppendResp>>): void {
  // One long-lived stream carries many appends, told apart by correlation id.
  const open = new Map<string, { options: InstanceType<typeof streamsPb.BatchAppendReq.Options>; events: Proposed[] }>();
  call.on('data', (req: BatchAppendReqT) => {
    const correlation = req.getCorrelationId()!;
    const key = Buffer.from(correlation.serializeBinary()).toString('base64');
    const entry = open.get(key) ?? { options: req.getOptions()!, events: [] };
    open.set(key, entry);
    for (const m of req.getProposedMessagesList()) entry.events.push(proposed(m));
    if (!req.getIsFinal()) return;
    open.delete(key);
    const stream = bytesToString(entry.options.getStreamIdentifier()!.getStreamName());
    const expected = expectedOf(entry.options);
    const reply = new BatchAppendResp().setCorrelationId(correlation).setStreamIdentifier(identifier(stream));
    if (expected.kind === 'revision') reply.setStreamPosition(expected.revision.toString());
    else if (expected.kind === 'no_stream') reply.setNoStream(new sharedPb.Empty() as never);
    else if (expected.kind === 'stream_exists') reply.setStreamExists(new sharedPb.Empty() as never);
    else reply.setAny(new sharedPb.Empty() as never);
    const outcome = log.append(stream, expected, entry.events);
    if (outcome.ok) {
      const position = new sharedPb.AllStreamPosition().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString());
      call.write(reply.setSuccess(new BatchAppendResp.Success().setCurrentRevision(outcome.currentRevision.toString()).setPosition(position)));
      return;
    }
    // BatchAppend reports a conflict as a google.rpc.Status packing WrongExpectedVersion.
    const wrong = new sharedPb.WrongExpectedVersion();
    if (outcome.currentRevision === undefined) wrong.setCurrentNoStream(new sharedPb.Empty() as never);
    else wrong.setCurrentStreamRevision(outcome.currentRevision.toString());
    if (expected.kind === 'revision') wrong.setExpectedStreamPosition(expected.revision.toString());
    else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new sharedPb.Empty() as never);
    else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new sharedPb.Empty() as never);
    else wrong.setExpectedAny(new sharedPb.Empty() as never);
    const details = new anyPb.Any();
    details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
    const status = new statusPb.Status().setCode(codePb.Code.FAILED_PRECONDITION).setMessage('WrongExpectedVersion').setDetails(details as never);
    call.write(reply.setError(status));
  });
  call.on('end', () => call.end());
}

/**
 * Starts the double on a free port. Pass `log` and `port` of a stopped double to "restart the
 * server" with its data, as after a node restart or a failover.
 */
export async function startEventStoreDouble(options: { batchAppend: boolean; now?: () => Date; log?: DoubleLog; port?: number }): Promise<EventStoreDouble> {
  const log = options.log ?? new DoubleLog(options.now);
  // A real database is never empty: it starts with its own $-prefixed bookkeeping.
  if (!options.log) log.append('$settings', { kind: 'any' }, [
    { id: uuidBytes(randomUUID()), type: '$settings', contentType: 'application/json', data: Buffer.from('{}'), customMetadata: new Uint8Array() },
  ]);
  const calls = new Map<string, number>();
  const count = <A extends unknown[]>(name: string, f: (...args: A) => void) => (...args: A) => {
    calls.set(name, (calls.get(name) ?? 0) + 1);
    f(...args);
  };
  const server = new grpc.Server();
  server.addService(StreamsService as unknown as grpc.ServiceDefinition, {
    read: count('read', (call: grpc.ServerWritableStream<ReadReqT, ReadRespT>) => read(log, call)),
    append: count('append', (call: grpc.ServerReadableStream<AppendReqT, InstanceType<typeof AppendResp>>, done: grpc.sendUnaryData<InstanceType<typeof AppendResp>>) => append(log, call, done)),
    batchAppend: count('batchAppend', (call: grpc.ServerDuplexStream<BatchAppendReqT, InstanceType<typeof BatchAppendResp>>) => batchAppend(log, call)),
  });
  server.addService(ServerFeaturesService as unknown as grpc.ServiceDefinition, {
    getSupportedMethods: count('getSupportedMethods', (_call: unknown, done: grpc.sendUnaryData<InstanceType<typeof featuresPb.SupportedMethods>>) => {
      // Without BatchAppend the client falls back to classic Append, as with servers before 21.10.
      if (!options.batchAppend) return done({ code: grpc.status.UNIMPLEMENTED, details: 'no server features' });
      const method = (name: string) => new featuresPb.SupportedMethod().setServiceName('event_store.client.streams.Streams').setMethodName(name);
      done(null, new featuresPb.SupportedMethods().setEventStoreServerVersion('double').setMethodsList([method('Read'), method('Append'), method('BatchAppend')]));
    }),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${options.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, p) => (error ? reject(error) : resolve(p))),
  );
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    log,
    calls,
    async stop() {
      server.forceShutdown();
    },
  };
}
