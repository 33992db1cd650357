import type { LogEntry, RaftState } from '../raft/types';
import type { NodeId } from '../sim/protocol';
import type { NodeSlot } from '../sim/types';
import { changedNode, collector, type SafetyMonitor, type Violation } from './monitor';

export const RAFT_PREDICATES = {
  electionSafety: 'At most one leader per term, over the whole history',
  leaderAppendOnly: 'A leader\'s log only grows during its term',
  logMatching: 'If two logs hold an entry of the same term at the same index, they agree up to it',
  leaderCompleteness: 'A leader holds every entry committed in an earlier term',
  committedPrefix: 'Committed prefixes never diverge between nodes and never shrink',
  termMonotonic: 'currentTerm never decreases, across restarts too',
  singleVote: 'A node votes for at most one candidate per term, across restarts too',
} as const;

const same = (a: LogEntry, b: LogEntry) => a === b || (a.term === b.term && a.command === b.command);

/** History the predicates need, all of it plain data so it can be cloned with a checkpoint. */
interface History {
  leaderOf: Map<number, NodeId>;
  votes: Map<string, NodeId>;
  /** The longest committed prefix seen anywhere: log[0 .. length) of an immutable log. */
  committed: { log: readonly LogEntry[]; length: number };
  /** Runs of committed indices with the term in which they were committed. */
  commitRuns: { from: number; term: number }[];
  prev: (RaftState | undefined)[];
}

export class RaftMonitor implements SafetyMonitor<RaftState> {
  readonly predicates = RAFT_PREDICATES;
  private h: History;

  constructor(history?: History) {
    this.h = history ?? { leaderOf: new Map(), votes: new Map(), committed: { log: [], length: 0 }, commitRuns: [], prev: [] };
  }

  clone(): RaftMonitor {
    const h = this.h;
    return new RaftMonitor({
      leaderOf: new Map(h.leaderOf), votes: new Map(h.votes), committed: h.committed,
      commitRuns: h.commitRuns.slice(), prev: h.prev.slice(),
    });
  }

  observe(seq: number, t: number, changed: NodeId | null, nodes: readonly NodeSlot<RaftState>[]): Violation[] {
    const c = changedNode(changed, nodes, this.h.prev);
    if (c === null) return [];
    const { id, s, old } = c;
    const { out, fail } = collector<keyof typeof RAFT_PREDICATES>(seq, t);

    if (old !== undefined && s.currentTerm < old.currentTerm) {
      fail('termMonotonic', [id], `S${id}'s currentTerm went back from ${old.currentTerm} to ${s.currentTerm}`);
    }
    if (s.votedFor !== null) {
      const key = `${id}:${s.currentTerm}`;
      const earlier = this.h.votes.get(key);
      if (earlier !== undefined && earlier !== s.votedFor) {
        fail('singleVote', [id, earlier, s.votedFor], `S${id} voted for S${earlier} and then for S${s.votedFor} in term ${s.currentTerm}`);
      } else this.h.votes.set(key, s.votedFor);
    }
    if (s.currentRole === 'leader') {
      const other = this.h.leaderOf.get(s.currentTerm);
      if (other !== undefined && other !== id) {
        fail('electionSafety', [other, id], `S${other} and S${id} were both leaders of term ${s.currentTerm}`);
      } else this.h.leaderOf.set(s.currentTerm, id);
      if (old !== undefined && old.currentRole === 'leader' && old.currentTerm === s.currentTerm && old.log !== s.log) {
        const grew = s.log.length >= old.log.length && old.log.every((e, i) => same(e, s.log[i]));
        if (!grew) fail('leaderAppendOnly', [id], `S${id}, leader of term ${s.currentTerm}, removed or changed entries of its own log`);
      }
    }
    if (old === undefined || old.log !== s.log) this.checkLogMatching(id, s, nodes, fail);
    if (old !== undefined && s.commitLength < old.commitLength) {
      fail('committedPrefix', [id], `S${id}'s committed prefix shrank from ${old.commitLength} to ${s.commitLength}`);
    }
    const grewCommit = this.checkCommitted(id, s, fail);
    if (grewCommit) {
      nodes.forEach((n) => n.state.currentRole === 'leader' && this.checkCompleteness(n.id, n.state, fail));
    } else if (s.currentRole === 'leader' && (old === undefined || old.currentRole !== 'leader' || old.log !== s.log)) {
      this.checkCompleteness(id, s, fail);
    }
    return out;
  }

  private checkLogMatching(id: NodeId, s: RaftState, nodes: readonly NodeSlot<RaftState>[], fail: Fail): void {
    for (const other of nodes) {
      if (other.id === id) continue;
      const a = s.log;
      const b = other.state.log;
      if (a === b) continue;
      let i = Math.min(a.length, b.length) - 1;
      while (i >= 0 && a[i].term !== b[i].term) i--;
      for (let j = i; j >= 0; j--) {
        if (!same(a[j], b[j])) {
          fail('logMatching', [id, other.id],
            `S${id} and S${other.id} both hold a term ${a[i].term} entry at index ${i + 1} but differ at index ${j + 1}`);
          return;
        }
      }
    }
  }

  /** Compares the node's committed prefix with the longest one seen; extends it. Returns true if it grew. */
  private checkCommitted(id: NodeId, s: RaftState, fail: Fail): boolean {
    const c = this.h.committed;
    const upTo = Math.min(c.length, s.commitLength);
    for (let i = 0; i < upTo; i++) {
      if (!same(c.log[i], s.log[i])) {
        fail('committedPrefix', [id], `S${id} committed "${s.log[i].command}" (term ${s.log[i].term}) at index ${i + 1}, where "${c.log[i].command}" (term ${c.log[i].term}) was already committed`);
        return false;
      }
    }
    if (s.commitLength <= c.length) return false;
    this.h.commitRuns.push({ from: c.length, term: s.currentTerm });
    this.h.committed = { log: s.log, length: s.commitLength };
    return true;
  }

  /** Every entry committed in a term before the leader's own must be in the leader's log. */
  private checkCompleteness(id: NodeId, s: RaftState, fail: Fail): void {
    const c = this.h.committed;
    const runs = this.h.commitRuns;
    for (let r = 0; r < runs.length; r++) {
      if (runs[r].term >= s.currentTerm) continue;
      const to = r + 1 < runs.length ? runs[r + 1].from : c.length;
      for (let i = runs[r].from; i < to; i++) {
        if (i >= s.log.length || !same(s.log[i], c.log[i])) {
          fail('leaderCompleteness', [id], `S${id}, leader of term ${s.currentTerm}, lacks the entry committed at index ${i + 1} in term ${runs[r].term}`);
          return;
        }
      }
    }
  }
}

type Fail = (predicate: keyof typeof RAFT_PREDICATES, ids: NodeId[], text: string) => void;
