// google-protobuf ships no types; the double needs only Any.pack to build google.rpc.Status details.
declare module 'google-protobuf/google/protobuf/any_pb.js' {
  export class Any {
    pack(serialized: Uint8Array, name: string, typeUrlPrefix?: string): void;
    serializeBinary(): Uint8Array;
  }
  const anyPb: { Any: typeof Any };
  export default anyPb;
}
