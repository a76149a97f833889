//! Keeps a SQLite writer and its connection's thread on one CPU (issue 14, BENCHMARKS.md).
//!
//! sqlx runs each SQLite connection on a thread of its own: every statement is handed to that
//! thread and its result handed back. A batch of inbound replies made ~8 statements per reply
//! when this was written (~2.3 after session 11, ~1 after session 12), each two hand-offs. When the two threads sit
//! on two CPUs, each hand-off wakes a CPU that went idle in between — in a VM a hypervisor
//! exit of tens of microseconds — and that, not SQL or fsync, was half the time of an inbound
//! batch. On one CPU a hand-off is a plain context switch. [`Colocated`] puts the calling
//! thread and the SQLite connection threads on the CPU the caller runs on for as long as it
//! lives (a batch), and gives them back every CPU afterwards; the CPU work that needs no
//! database (reading the messages) runs meanwhile on the other CPUs. A thread the pinned one
//! starts inherits its one CPU, so it moves itself there ([`Colocated::elsewhere`]; until
//! session 11 it did not, and the inbound reader took turns with the writer while the other
//! CPU idled). Delivery does the same for each step on SQLite.
//!
//! Linux only, and best effort: where affinity cannot be set (another OS, a restricted
//! sandbox), nothing changes but the speed.

/// The SQLite connection threads' name as the kernel keeps it (15 bytes of
/// `sqlx-sqlite-worker-N`).
#[cfg(target_os = "linux")]
const SQLITE_THREAD: &str = "sqlx-sqlite-wor";

/// While alive: the thread that made it and every SQLite connection thread on one CPU.
pub struct Colocated {
    #[cfg(target_os = "linux")]
    pinned: Vec<libc::pid_t>,
    #[cfg(target_os = "linux")]
    all: Option<libc::cpu_set_t>,
    elsewhere: Elsewhere,
}

/// The CPUs a [`Colocated`] thread had before it was pinned, but the one it holds: where the
/// threads that do no database work for it should run ([`Elsewhere::go`]).
#[derive(Clone, Copy)]
pub struct Elsewhere {
    #[cfg(target_os = "linux")]
    set: Option<libc::cpu_set_t>,
}

impl Colocated {
    /// Pins this thread and the SQLite connection threads to the CPU this thread runs on.
    pub fn here() -> Colocated {
        #[cfg(target_os = "linux")]
        {
            linux::here()
        }
        #[cfg(not(target_os = "linux"))]
        Colocated {
            elsewhere: Elsewhere {},
        }
    }

    /// Where the threads that work beside it belong (a thread it starts inherits its one CPU).
    pub fn elsewhere(&self) -> Elsewhere {
        self.elsewhere
    }
}

impl Elsewhere {
    /// Moves the calling thread off the colocated CPU, when there is another one to run on.
    pub fn go(self) {
        #[cfg(target_os = "linux")]
        if let Some(set) = &self.set {
            linux::set(linux::this_thread(), set);
        }
    }
}

impl Drop for Colocated {
    fn drop(&mut self) {
        #[cfg(target_os = "linux")]
        if let Some(all) = &self.all {
            for tid in &self.pinned {
                linux::set(*tid, all);
            }
        }
    }
}

/// The CPU the calling thread runs on now.
fn current_cpu() -> Option<usize> {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: sched_getcpu takes no arguments and only returns a number.
        let c = unsafe { libc::sched_getcpu() };
        (c >= 0).then_some(c as usize)
    }
    #[cfg(not(target_os = "linux"))]
    None
}

#[cfg(target_os = "linux")]
mod linux {
    use super::{current_cpu, Colocated, Elsewhere, SQLITE_THREAD};

    fn get(tid: libc::pid_t) -> Option<libc::cpu_set_t> {
        // SAFETY: a zeroed cpu_set_t is a valid empty set; the kernel writes at most its size.
        unsafe {
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            (libc::sched_getaffinity(tid, std::mem::size_of::<libc::cpu_set_t>(), &mut set) == 0)
                .then_some(set)
        }
    }

    pub(super) fn set(tid: libc::pid_t, set: &libc::cpu_set_t) -> bool {
        // SAFETY: `set` is a valid cpu_set_t of the size given.
        unsafe { libc::sched_setaffinity(tid, std::mem::size_of::<libc::cpu_set_t>(), set) == 0 }
    }

    fn one(cpu: usize) -> libc::cpu_set_t {
        // SAFETY: a zeroed cpu_set_t is a valid empty set; CPU_SET checks the index.
        unsafe {
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            libc::CPU_SET(cpu, &mut set);
            set
        }
    }

    pub(super) fn this_thread() -> libc::pid_t {
        // SAFETY: gettid takes no arguments and only returns a number.
        unsafe { libc::gettid() }
    }

    /// The ids of this process's SQLite connection threads.
    fn sqlite_threads() -> Vec<libc::pid_t> {
        let Ok(dir) = std::fs::read_dir("/proc/self/task") else {
            return Vec::new();
        };
        dir.filter_map(|e| {
            let e = e.ok()?;
            let comm = std::fs::read_to_string(e.path().join("comm")).ok()?;
            if comm.trim_end() != SQLITE_THREAD {
                return None;
            }
            e.file_name().to_str()?.parse().ok()
        })
        .collect()
    }

    pub(super) fn here() -> Colocated {
        let me = this_thread();
        let (Some(cpu), Some(all)) = (current_cpu(), get(me)) else {
            return Colocated {
                pinned: Vec::new(),
                all: None,
                elsewhere: Elsewhere { set: None },
            };
        };
        let target = one(cpu);
        let mut pinned = Vec::new();
        for tid in std::iter::once(me).chain(sqlite_threads()) {
            if set(tid, &target) {
                pinned.push(tid);
            }
        }
        // SAFETY: CPU_COUNT / CPU_CLR only read and write the set, the index checked.
        let others = unsafe {
            let mut others = all;
            libc::CPU_CLR(cpu, &mut others);
            (libc::CPU_COUNT(&others) > 0).then_some(others)
        };
        Colocated {
            pinned,
            all: Some(all),
            elsewhere: Elsewhere { set: others },
        }
    }
}
