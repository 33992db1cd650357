import { Log, sameEntry } from '../raft/log';
import type { RaftState } from '../raft/types';
import type { NodeId } from '../sim/protocol';
import type { NodeSlot } from '../sim/types';
import { IntMap } from './intMap';
import { changedNode, Findings, NO_VIOLATIONS, type SafetyMonitor, type Violation } from './monitor';

export const RAFT_PREDICATES = {
  electionSafety: 'At most one leader per term, over the whole history',
  leaderAppendOnly: 'A leader\'s log only grows during its term',
  logMatching: 'If two logs hold an entry of the same term at the same index, they agree up to it',
  leaderCompleteness: 'A leader holds every entry committed in an earlier term',
  committedPrefix: 'Committed prefixes never diverge between nodes and never shrink',
  termMonotonic: 'currentTerm never decreases, across restarts too',
  singleVote: 'A node votes for at most one candidate per term, across restarts too',
} as const;

/**
 * What the registry keeps of an entry some log held at an index: by induction on the index,
 * if every (index, term) pair ever seen always came with one command and one term before it,
 * any two logs holding the same (index, term) are identical up to there (Log Matching).
 * Other terms seen at the same index hang off `next`.
 */
interface Seen {
  readonly term: number;
  readonly command: string;
  readonly prevTerm: number;
  readonly node: NodeId;
  readonly next: Seen | null;
}

/**
 * History the predicates need. Maps are persistent (IntMap) and the rest is immutable or
 * tiny, so a checkpoint's copy costs next to nothing however long the run.
 */
interface History {
  /** term -> its leader */
  leaderOf: IntMap<NodeId>;
  /** voteKey(node, term) -> the candidate it voted for */
  votes: IntMap<NodeId>;
  /** log index -> every (term, command, previous term) any log held there */
  seen: IntMap<Seen>;
  /** The longest committed prefix seen anywhere: the first `length` entries of a log. */
  committed: { log: Log; length: number };
  /** Runs of committed indices with the term in which they were committed (replaced, never edited). */
  commitRuns: readonly { from: number; term: number }[];
  prev: (RaftState | undefined)[];
}

/** Node ids run from 1 to 9 (at most 31 would fit). */
const voteKey = (id: NodeId, term: number) => term * 32 + id;

/**
 * Raft's safety, checked after every event from what the event changed: the entries it
 * brought into a log, the commitLength it moved, the role or term it took. Nothing here
 * scans a whole log, except to word a violation once it is found.
 */
export class RaftMonitor implements SafetyMonitor<RaftState> {
  readonly predicates = RAFT_PREDICATES;
  private readonly found = new Findings<keyof typeof RAFT_PREDICATES>();
  private h: History;

  constructor(history?: History) {
    this.h = history ?? {
      leaderOf: new IntMap(), votes: new IntMap(), seen: new IntMap(), committed: { log: Log.empty(), length: 0 }, commitRuns: [], prev: [],
    };
  }

  clone(): RaftMonitor {
    const h = this.h;
    return new RaftMonitor({
      leaderOf: h.leaderOf.fork(), votes: h.votes.fork(), seen: h.seen.fork(), committed: h.committed,
      commitRuns: h.commitRuns, prev: h.prev.slice(),
    });
  }

  observe(seq: number, t: number, changed: NodeId | null, nodes: readonly NodeSlot<RaftState>[]): readonly Violation[] {
    const c = changedNode(changed, nodes, this.h.prev);
    if (c === null) return NO_VIOLATIONS;
    const { id, s, old } = c;
    this.found.start(seq, t);

    if (old !== undefined && s.currentTerm < old.currentTerm) {
      this.found.fail('termMonotonic', [id], `S${id}'s currentTerm went back from ${old.currentTerm} to ${s.currentTerm}`);
    }
    if (s.votedFor !== null) {
      const key = voteKey(id, s.currentTerm);
      const earlier = this.h.votes.get(key);
      if (earlier !== undefined && earlier !== s.votedFor) {
        this.found.fail('singleVote', [id, earlier, s.votedFor], `S${id} voted for S${earlier} and then for S${s.votedFor} in term ${s.currentTerm}`);
      } else if (earlier === undefined) this.h.votes.set(key, s.votedFor);
    }
    // The entries this event put in the node's log: everything past what it shares with before.
    const kept = old === undefined ? 0 : old.log === s.log ? s.log.length : Log.commonPrefix(old.log, s.log);
    if (s.currentRole === 'leader') {
      const other = this.h.leaderOf.get(s.currentTerm);
      if (other !== undefined && other !== id) {
        this.found.fail('electionSafety', [other, id], `S${other} and S${id} were both leaders of term ${s.currentTerm}`);
      } else if (other === undefined) this.h.leaderOf.set(s.currentTerm, id);
      if (old !== undefined && old.currentRole === 'leader' && old.currentTerm === s.currentTerm && old.log !== s.log && kept < old.log.length) {
        this.found.fail('leaderAppendOnly', [id], `S${id}, leader of term ${s.currentTerm}, removed or changed entries of its own log`, [{ node: id, index: kept + 1 }]);
      }
    }
    if (kept < s.log.length) this.checkLogMatching(id, s.log, kept);
    if (old !== undefined && s.commitLength < old.commitLength) {
      this.found.fail('committedPrefix', [id], `S${id}'s committed prefix shrank from ${old.commitLength} to ${s.commitLength}`, [{ node: id, index: s.commitLength + 1 }]);
    }
    const grewCommit = this.checkCommitted(id, s, old === undefined ? 0 : Math.min(kept, old.commitLength));
    if (grewCommit) {
      nodes.forEach((n) => n.state.currentRole === 'leader' && this.checkCompleteness(n.id, n.state));
    } else if (s.currentRole === 'leader' && (old === undefined || old.currentRole !== 'leader' || old.log !== s.log)) {
      this.checkCompleteness(id, s);
    }
    return this.found.list;
  }

  /** Registers log[from..] entry by entry; an (index, term) pair seen before must come with the same command and previous term. */
  private checkLogMatching(id: NodeId, log: Log, from: number): void {
    const seen = this.h.seen;
    for (let i = from; i < log.length; i++) {
      const e = log.get(i);
      const prevTerm = i > 0 ? log.get(i - 1).term : 0;
      const head = seen.get(i) ?? null;
      let known = head;
      while (known !== null && known.term !== e.term) known = known.next;
      if (known === null) {
        seen.set(i, { term: e.term, command: e.command, prevTerm, node: id, next: head });
      } else if (known.command !== e.command || known.prevTerm !== prevTerm) {
        const differ = known.command !== e.command ? i + 1 : i;
        const who = known.node === id ? 'it did earlier' : `S${known.node}`;
        this.found.fail('logMatching', [id, known.node],
          `S${id} holds a term ${e.term} entry at index ${i + 1}, as ${who}, but their logs differ at index ${differ}`,
          known.node === id ? [{ node: id, index: differ }] : [{ node: id, index: differ }, { node: known.node, index: differ }]);
        return;
      }
    }
  }

  /**
   * Compares the node's committed entries from `from` on with the longest committed prefix
   * seen (those before `from` were compared earlier and have not changed); extends it.
   * Returns true if it grew.
   */
  private checkCommitted(id: NodeId, s: RaftState, from: number): boolean {
    const c = this.h.committed;
    const upTo = Math.min(c.length, s.commitLength);
    for (let i = from; i < upTo; i++) {
      const mine = s.log.get(i);
      const theirs = c.log.get(i);
      if (!sameEntry(theirs, mine)) {
        this.found.fail('committedPrefix', [id], `S${id} committed "${mine.command}" (term ${mine.term}) at index ${i + 1}, where "${theirs.command}" (term ${theirs.term}) was already committed`, [{ node: id, index: i + 1 }]);
        return false;
      }
    }
    if (s.commitLength <= c.length) return false;
    const runs = this.h.commitRuns;
    if (runs.length === 0 || runs[runs.length - 1].term !== s.currentTerm) this.h.commitRuns = [...runs, { from: c.length, term: s.currentTerm }];
    this.h.committed = { log: s.log, length: s.commitLength };
    return true;
  }

  /**
   * Every entry committed in a term before the leader's own must be in the leader's log.
   * It is enough to find the last of them there: Log Matching, checked on every entry any
   * log ever held, then vouches for all before it (or has already failed).
   */
  private checkCompleteness(id: NodeId, s: RaftState): void {
    const c = this.h.committed;
    const runs = this.h.commitRuns;
    let upTo = 0;
    for (let r = 0; r < runs.length; r++) {
      if (runs[r].term < s.currentTerm) upTo = Math.max(upTo, r + 1 < runs.length ? runs[r + 1].from : c.length);
    }
    if (upTo === 0 || (upTo <= s.log.length && sameEntry(s.log.get(upTo - 1), c.log.get(upTo - 1)))) return;
    // It failed: find the first entry missing, to say which.
    for (let r = 0; r < runs.length; r++) {
      if (runs[r].term >= s.currentTerm) continue;
      const to = r + 1 < runs.length ? runs[r + 1].from : c.length;
      for (let i = runs[r].from; i < to; i++) {
        if (i >= s.log.length || !sameEntry(s.log.get(i), c.log.get(i))) {
          this.found.fail('leaderCompleteness', [id], `S${id}, leader of term ${s.currentTerm}, lacks the entry committed at index ${i + 1} in term ${runs[r].term}`, [{ node: id, index: i + 1 }]);
          return;
        }
      }
    }
  }
}
