import { EMPTY_ROOT, HASH_SIZE, hashChildren, leafHashOfEvent } from './hashing.js';

/**
 * An append-only RFC 6962/9162 Merkle tree over leaf hashes, keeping every complete subtree's hash.
 * Level k holds the hashes of the aligned subtrees of 2^k leaves, packed in one growable byte array per
 * level (about 64 bytes per leaf in all, instead of a Buffer object per node), so a million leaves fit in
 * ~64 MB and the head, inclusion and consistency proofs of ANY prefix size take O(log n) hashes.
 */
export class MerkleTree {
  private levels: Uint8Array[] = [new Uint8Array(HASH_SIZE * 1024)];
  private counts: number[] = [0];

  /** Builds a tree from event hashes in the store's global order (hex, as events carry them). */
  static fromEventHashes(eventHashes: Iterable<string>): MerkleTree {
    const tree = new MerkleTree();
    for (const h of eventHashes) tree.appendEventHash(h);
    return tree;
  }

  get size(): number {
    return this.counts[0]!;
  }

  appendEventHash(eventHashHex: string): number {
    return this.appendLeafHash(leafHashOfEvent(eventHashHex));
  }

  /** Appends an already-hashed leaf (SHA-256(0x00 || data)); returns its leaf index. */
  appendLeafHash(leafHash: Uint8Array): number {
    if (leafHash.length !== HASH_SIZE) throw new Error(`a leaf hash must be ${HASH_SIZE} bytes, got ${leafHash.length}`);
    const index = this.size;
    let node: Uint8Array = leafHash;
    for (let level = 0; ; level++) {
      const at = this.push(level, node);
      // An odd position completes a pair: its parent is a new complete subtree one level up.
      if (at % 2 === 0) break;
      node = hashChildren(this.node(level, at - 1), node);
    }
    return index;
  }

  /** The leaf hash at an index (for tests and for naming the first differing event). */
  leafHash(index: number): Buffer {
    this.checkIndex(index, this.size, 'leaf index');
    return Buffer.from(this.node(0, index));
  }

  /** MTH(D[0:size]): the root of the tree as it stood when it held `size` leaves. */
  rootAt(size: number = this.size): Buffer {
    this.checkSize(size);
    return size === 0 ? Buffer.from(EMPTY_ROOT) : Buffer.from(this.rangeHash(0, size));
  }

  /** RFC 9162 2.1.3.1: the audit path of leaf `index` in the tree of `size` leaves, leaf level first. */
  inclusionProof(index: number, size: number = this.size): Buffer[] {
    this.checkSize(size);
    this.checkIndex(index, size, 'leaf index');
    const path: Buffer[] = [];
    this.collectPath(index, 0, size, path);
    return path;
  }

  /** RFC 9162 2.1.4.1: proof that the tree of `fromSize` leaves is a prefix of the tree of `toSize` leaves. */
  consistencyProof(fromSize: number, toSize: number = this.size): Buffer[] {
    this.checkSize(toSize);
    if (!Number.isSafeInteger(fromSize) || fromSize < 0 || fromSize > toSize) {
      throw new Error(`fromSize must be a whole number from 0 to ${toSize}, got ${fromSize}`);
    }
    const proof: Buffer[] = [];
    if (fromSize > 0 && fromSize < toSize) this.collectSubproof(fromSize, 0, toSize, true, proof);
    return proof;
  }

  /** PATH(m, D[start:start+n]) of RFC 9162, appending siblings from the bottom up. */
  private collectPath(index: number, start: number, n: number, out: Buffer[]): void {
    if (n <= 1) return;
    const k = largestPowerOfTwoBelow(n);
    if (index < k) {
      this.collectPath(index, start, k, out);
      out.push(Buffer.from(this.rangeHash(start + k, start + n)));
    } else {
      this.collectPath(index - k, start + k, n - k, out);
      out.push(Buffer.from(this.rangeHash(start, start + k)));
    }
  }

  /** SUBPROOF(m, D[start:start+n], b) of RFC 9162. */
  private collectSubproof(m: number, start: number, n: number, wholeOldTree: boolean, out: Buffer[]): void {
    if (m === n) {
      if (!wholeOldTree) out.push(Buffer.from(this.rangeHash(start, start + n)));
      return;
    }
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      this.collectSubproof(m, start, k, wholeOldTree, out);
      out.push(Buffer.from(this.rangeHash(start + k, start + n)));
    } else {
      this.collectSubproof(m - k, start + k, n - k, false, out);
      out.push(Buffer.from(this.rangeHash(start, start + k)));
    }
  }

  /**
   * MTH(D[start:end]) for the ranges the RFC recursion produces: a range whose length is a power of two and
   * whose start is aligned to it is a stored complete subtree; any other splits at the largest power of two.
   */
  private rangeHash(start: number, end: number): Uint8Array {
    const n = end - start;
    if ((n & (n - 1)) === 0 && start % n === 0) return this.node(Math.log2(n), start / n);
    const k = largestPowerOfTwoBelow(n);
    return hashChildren(this.rangeHash(start, start + k), this.rangeHash(start + k, end));
  }

  private node(level: number, index: number): Uint8Array {
    const offset = index * HASH_SIZE;
    return this.levels[level]!.subarray(offset, offset + HASH_SIZE);
  }

  private push(level: number, hash: Uint8Array): number {
    if (this.levels.length === level) {
      this.levels.push(new Uint8Array(HASH_SIZE * 1024));
      this.counts.push(0);
    }
    const at = this.counts[level]!;
    let bytes = this.levels[level]!;
    if ((at + 1) * HASH_SIZE > bytes.length) {
      const grown = new Uint8Array(bytes.length * 2);
      grown.set(bytes);
      this.levels[level] = bytes = grown;
    }
    bytes.set(hash, at * HASH_SIZE);
    this.counts[level] = at + 1;
    return at;
  }

  private checkSize(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) {
      throw new Error(`tree size must be a whole number from 0 to ${this.size} (the leaves held), got ${size}`);
    }
  }

  private checkIndex(index: number, size: number, what: string): void {
    if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
      throw new Error(`${what} must be a whole number below the tree size ${size}, got ${index}`);
    }
  }
}

/** The largest power of two strictly below n (n >= 2): the RFC's split point k. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
