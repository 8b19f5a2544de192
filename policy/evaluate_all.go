package policy

// EvaluateAll is judge applied to every subject of pool, in pool order:
// out[i] is judge(pool.Subject(i)), exactly what a loop over the pool
// gives. A large pool is judged in contiguous chunks of the index range,
// one on each processor (workersFor), each result written at its index,
// so judge must only read what it shares: Evaluate and LikelyVerdict
// over a Places counted beforehand (CountPlaces, CountCircleAsks) do.
//
// At 100,000 friends (BenchmarkEvaluateAll) on a quiet machine (load
// 0.5-0.7), evaluating everyone took 34.8 ms this way on two cores
// against 60.1 in a plain loop, for 66.5 ms of CPU against 60.6; stored
// (BenchmarkStored, load 1.9-2.2), 41.9 against 58.9 (medians of 15 in
// alternated runs). With the second core busy elsewhere (load 3-3.6) the
// gain shrinks to a few ms (56.6 against 59.9).
func EvaluateAll[T any](pool Pool, judge func(Subject) T) []T {
	if pool == nil {
		return nil
	}
	return evaluateAll(pool, judge, workersFor(pool.Len()))
}

// evaluateAll is EvaluateAll on the given number of workers.
func evaluateAll[T any](pool Pool, judge func(Subject) T, workers int) []T {
	n := pool.Len()
	out := make([]T, n)
	parallel(n, workers, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = judge(pool.Subject(i))
		}
	})
	return out
}
