//! Weakly and strongly connected components.

use crate::graph::Graph;

/// Weak component id per node (numbered in order of smallest member) and the count.
pub(crate) fn weak(g: &Graph) -> (Vec<usize>, usize) {
    let n = g.node_count();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for (u, v, _) in g.edges() {
        let (a, b) = (find(&mut parent, u), find(&mut parent, v));
        if a != b {
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            parent[hi] = lo;
        }
    }
    let mut id = vec![usize::MAX; n];
    let mut comp = vec![0usize; n];
    let mut k = 0;
    for (v, slot) in comp.iter_mut().enumerate() {
        let r = find(&mut parent, v);
        if id[r] == usize::MAX {
            id[r] = k;
            k += 1;
        }
        *slot = id[r];
    }
    (comp, k)
}

/// Number of strongly connected components (iterative Tarjan).
pub(crate) fn strong_count(g: &Graph) -> usize {
    let n = g.node_count();
    const UNSEEN: u32 = u32::MAX;
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut call: Vec<(u32, usize)> = Vec::new();
    let mut next = 0u32;
    let mut count = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        call.push((root as u32, 0));
        while let Some(&mut (v, ref mut i)) = call.last_mut() {
            let vu = v as usize;
            if *i == 0 && index[vu] == UNSEEN {
                index[vu] = next;
                low[vu] = next;
                next += 1;
                stack.push(v);
                on_stack[vu] = true;
            }
            let (targets, _) = g.out_slice(vu);
            if *i < targets.len() {
                let w = targets[*i] as usize;
                *i += 1;
                if index[w] == UNSEEN {
                    call.push((w as u32, 0));
                } else if on_stack[w] {
                    low[vu] = low[vu].min(index[w]);
                }
                continue;
            }
            call.pop();
            if let Some(&(p, _)) = call.last() {
                let pu = p as usize;
                low[pu] = low[pu].min(low[vu]);
            }
            if low[vu] == index[vu] {
                count += 1;
                while let Some(w) = stack.pop() {
                    on_stack[w as usize] = false;
                    if w == v {
                        break;
                    }
                }
            }
        }
    }
    count
}
