//! How many threads a batch runs on.
//!
//! Takes the `threads` argument of the Python API; gives a closure run on rayon's global pool
//! (`None`: every core), on the calling thread (`1`), or on a pool of that many threads, made once
//! per size and kept. Never touches Python: callers run it detached from the interpreter.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::exceptions::PyValueError;
use pyo3::PyResult;
use rayon::{ThreadPool, ThreadPoolBuilder};

/// Checks `threads` before any work: 0 is not a number of threads.
pub fn check(threads: Option<usize>) -> PyResult<()> {
    match threads {
        Some(0) => Err(PyValueError::new_err(
            "threads must be at least 1 (or None for every core)",
        )),
        _ => Ok(()),
    }
}

/// Runs `f`, whose parallel iterators then use the pool `threads` asks for.
pub fn run<T: Send>(threads: Option<usize>, f: impl FnOnce() -> T + Send) -> T {
    match threads {
        None => f(),
        Some(n) => match pool(n) {
            Some(p) => p.install(f),
            // A pool that cannot start its threads: run on the global pool rather than fail.
            None => f(),
        },
    }
}

fn pool(n: usize) -> Option<Arc<ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<ThreadPool>>>> = OnceLock::new();
    let mut pools = POOLS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(p) = pools.get(&n) {
        return Some(p.clone());
    }
    let p = Arc::new(ThreadPoolBuilder::new().num_threads(n).build().ok()?);
    pools.insert(n, p.clone());
    Some(p)
}

#[cfg(test)]
mod tests {
    use rayon::prelude::*;

    #[test]
    fn a_batch_runs_on_the_threads_asked_for_and_zero_is_refused() {
        for (threads, want) in [(Some(1), 1), (Some(3), 3)] {
            assert_eq!(super::run(threads, rayon::current_num_threads), want);
            let sum: u64 = super::run(threads, || (0..1000u64).into_par_iter().sum());
            assert_eq!(sum, 499_500);
        }
        assert!(super::check(Some(0)).is_err());
        assert!(super::check(None).is_ok() && super::check(Some(2)).is_ok());
    }
}
