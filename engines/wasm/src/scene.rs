//! Port of engines/legacy-js/scene.ts: the node store and tree mutation (create, append,
//! insert, remove, destroy). Each mutation validates first and returns a SceneError (or
//! None) without changing anything on rejection. Check order is part of the reference.
#![deny(unsafe_code)]

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::events::EventCode;
use crate::jsnum::number_to_string;
use crate::node::{SceneNode, NO_PARENT};
use crate::protocol::NodeType;

/// CAPS.maxNodes: most live nodes, root included.
pub const MAX_NODES: usize = 4096;
/// CAPS.maxNodeId.
pub const MAX_NODE_ID: u32 = 0x7fff_ffff;
pub const ROOT_ID: u32 = 0;

#[derive(Clone, Debug, PartialEq)]
pub struct SceneError {
    pub code: EventCode,
    pub id: i32,
    pub detail: Vec<u16>,
}

fn error(code: EventCode, id: i32, detail: Vec<u16>) -> Option<SceneError> {
    Some(SceneError { code, id, detail })
}

/// A value usable as an event id. Ids travel as u32; the validator keeps them within
/// int32 (and -1 travels as 0xFFFFFFFF), so reinterpreting gives the JS number.
pub fn event_id(v: u32) -> i32 {
    v as i32
}

/// A multiplicative hasher for u32 ids (no dependency, no random keys): lookups only,
/// the map is never iterated (iteration order would be a porting hazard).
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = u64::from(i).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub struct Scene {
    /// Node storage; a destroyed node's slot is reused by a later create.
    slots: Vec<SceneNode>,
    free: Vec<u32>,
    /// id -> slot of the live nodes.
    index: HashMap<u32, u32, BuildHasherDefault<IdHasher>>,
}

impl Default for Scene {
    fn default() -> Scene {
        Scene::new()
    }
}

impl Scene {
    pub fn new() -> Scene {
        let mut scene = Scene { slots: Vec::new(), free: Vec::new(), index: HashMap::default() };
        scene.reset();
        scene
    }

    /// Only the root (slot 0) remains; allocations are kept.
    pub fn reset(&mut self) {
        self.index.clear();
        self.free.clear();
        if self.slots.is_empty() {
            self.slots.push(SceneNode::new(ROOT_ID, NodeType::View));
        } else {
            self.slots[0].reinit(ROOT_ID, NodeType::View);
        }
        for slot in (1..self.slots.len() as u32).rev() {
            self.free.push(slot);
        }
        self.index.insert(ROOT_ID, 0);
    }

    /// The slot of live node `id`.
    pub fn get(&self, id: u32) -> Option<usize> {
        self.index.get(&id).map(|&s| s as usize)
    }

    pub fn node(&self, slot: usize) -> &SceneNode {
        &self.slots[slot]
    }

    pub fn node_mut(&mut self, slot: usize) -> &mut SceneNode {
        &mut self.slots[slot]
    }

    /// The live node `id`.
    pub fn by_id(&self, id: u32) -> Option<&SceneNode> {
        self.get(id).map(|s| &self.slots[s])
    }

    pub fn by_id_mut(&mut self, id: u32) -> Option<&mut SceneNode> {
        match self.get(id) {
            Some(s) => Some(&mut self.slots[s]),
            None => None,
        }
    }

    pub fn size(&self) -> usize {
        self.index.len()
    }

    pub fn create(&mut self, id: u32, node_type: NodeType) -> Option<SceneError> {
        // 1. check_id
        if id > MAX_NODE_ID {
            return error(EventCode::BadValue, event_id(id), "id".encode_utf16().collect());
        }
        // 2. check_duplicate
        if self.index.contains_key(&id) {
            return error(EventCode::DuplicateId, event_id(id), Vec::new());
        }
        // 3. check_type: every decoded type is known
        // 4. check_node_limit (root included)
        if self.index.len() >= MAX_NODES {
            return error(EventCode::NodeLimit, event_id(id), Vec::new());
        }
        // 5. store_detached_node
        let slot = match self.free.pop() {
            Some(slot) => {
                self.slots[slot as usize].reinit(id, node_type);
                slot
            }
            None => {
                self.slots.push(SceneNode::new(id, node_type));
                (self.slots.len() - 1) as u32
            }
        };
        self.index.insert(id, slot);
        None
    }

    /// True when `ancestor_id` is `id` or one of its ancestors, following parent pointers.
    pub fn is_ancestor_or_self(&self, ancestor_id: u32, id: u32) -> bool {
        // Parent pointers never form a loop: append refuses to create one, so this ends.
        let mut p = i64::from(id);
        while p != NO_PARENT {
            if p == i64::from(ancestor_id) {
                return true;
            }
            p = match self.by_id(p as u32) {
                Some(n) => n.parent,
                None => NO_PARENT,
            };
        }
        false
    }

    /// Shared checks of append and insert; the parent's and child's slots, or an error.
    fn check_attach(&self, parent_id: u32, child_id: u32) -> Result<(usize, usize), SceneError> {
        let fail = |code, id| Err(SceneError { code, id, detail: Vec::new() });
        // 1. check_root_is_not_a_child
        if child_id == ROOT_ID {
            return fail(EventCode::RootImmutable, 0);
        }
        // 2. look_up_parent_and_child
        let parent = match self.get(parent_id) {
            Some(p) => p,
            None => return fail(EventCode::UnknownNode, event_id(parent_id)),
        };
        let child = match self.get(child_id) {
            Some(c) => c,
            None => return fail(EventCode::UnknownNode, event_id(child_id)),
        };
        // 3. check_cycle (through parent pointers)
        if self.is_ancestor_or_self(child_id, parent_id) {
            return fail(EventCode::Cycle, event_id(child_id));
        }
        Ok((parent, child))
    }

    /// quirk double-append off: removes `child` (first occurrence) from the children of
    /// the parent its pointer names, so that a node is only ever listed once.
    fn detach_from_parent(&mut self, child: usize) {
        let child_id = self.slots[child].id;
        let old = self.slots[child].parent;
        if old == NO_PARENT {
            return;
        }
        if let Some(p) = self.get(old as u32) {
            let list = &mut self.slots[p].children;
            if let Some(at) = list.iter().position(|&c| c == child_id) {
                list.remove(at);
            }
        }
        self.slots[child].parent = NO_PARENT;
    }

    pub fn append(&mut self, parent_id: u32, child_id: u32, double_append: bool) -> Option<SceneError> {
        let (parent, child) = match self.check_attach(parent_id, child_id) {
            Ok(found) => found,
            Err(e) => return Some(e),
        };
        // quirk double-append: the child is not removed from its old parent's children; it is
        // listed under both and its parent pointer moves. Off: reparent (detach first).
        if !double_append {
            self.detach_from_parent(child);
        }
        self.slots[parent].children.push(child_id);
        self.slots[child].parent = i64::from(parent_id);
        None
    }

    pub fn insert(&mut self, parent_id: u32, child_id: u32, before_id: u32, double_append: bool) -> Option<SceneError> {
        let (parent, child) = match self.check_attach(parent_id, child_id) {
            Ok(found) => found,
            Err(e) => return Some(e),
        };
        // 4. find_before (first occurrence)
        let at = match self.slots[parent].children.iter().position(|&c| c == before_id) {
            Some(at) => at,
            None => return error(EventCode::NotAChild, event_id(before_id), number_to_string(parent_id as i32)),
        };
        if double_append {
            // quirk double-append: as in append, the old parent keeps the child
            self.slots[parent].children.insert(at, child_id);
        } else if before_id == child_id {
            // Inserting a node before itself: it is already listed here, in place.
            if self.slots[child].parent != i64::from(parent_id) {
                self.detach_from_parent(child);
            }
        } else {
            self.detach_from_parent(child);
            let at = self.slots[parent].children.iter().position(|&c| c == before_id).unwrap_or(at);
            self.slots[parent].children.insert(at, child_id);
        }
        self.slots[child].parent = i64::from(parent_id);
        None
    }

    pub fn remove(&mut self, parent_id: u32, child_id: u32) -> Option<SceneError> {
        // 1. check_root_is_not_a_child
        if child_id == ROOT_ID {
            return error(EventCode::RootImmutable, 0, Vec::new());
        }
        // 2. look_up_parent_and_child
        let parent = match self.get(parent_id) {
            Some(p) => p,
            None => return error(EventCode::UnknownNode, event_id(parent_id), Vec::new()),
        };
        let child = match self.get(child_id) {
            Some(c) => c,
            None => return error(EventCode::UnknownNode, event_id(child_id), Vec::new()),
        };
        // 3. find_child (first occurrence)
        let at = match self.slots[parent].children.iter().position(|&c| c == child_id) {
            Some(at) => at,
            None => return error(EventCode::NotAChild, event_id(child_id), number_to_string(parent_id as i32)),
        };
        // 4. detach: the pointer is cleared even if it pointed elsewhere (quirk double-append)
        self.slots[parent].children.remove(at);
        self.slots[child].parent = NO_PARENT;
        None
    }

    pub fn destroy(&mut self, id: u32) -> Option<SceneError> {
        // 1. check_not_root
        if id == ROOT_ID {
            return error(EventCode::RootImmutable, 0, Vec::new());
        }
        // 2. look_up_node
        let slot = match self.get(id) {
            Some(s) => s,
            None => return error(EventCode::UnknownNode, event_id(id), Vec::new()),
        };
        // 3. detach_from_parent through the parent pointer (first occurrence); an older
        //    parent that still lists it (quirk double-append) keeps a stale id
        let parent = self.slots[slot].parent;
        if parent != NO_PARENT {
            if let Some(p) = self.get(parent as u32) {
                let list = &mut self.slots[p].children;
                if let Some(at) = list.iter().position(|&c| c == id) {
                    list.remove(at);
                }
            }
        }
        // 4. orphan_children: children stay alive, detached (those pointing here)
        for i in 0..self.slots[slot].children.len() {
            let child_id = self.slots[slot].children[i];
            if let Some(c) = self.get(child_id) {
                if self.slots[c].parent == i64::from(id) {
                    self.slots[c].parent = NO_PARENT;
                }
            }
        }
        // 5. forget_node
        self.index.remove(&id);
        self.free.push(slot as u32);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_append_lists_a_child_twice_or_reparents() {
        for quirk in [true, false] {
            let mut s = Scene::new();
            s.create(1, NodeType::View);
            s.create(2, NodeType::View);
            s.append(0, 1, quirk);
            s.append(0, 2, quirk);
            assert_eq!(s.append(1, 2, quirk), None);
            let listed = s.by_id(0).unwrap().children.clone();
            assert_eq!(listed, if quirk { vec![1, 2] } else { vec![1] });
            assert_eq!(s.append(2, 1, quirk).map(|e| e.code), Some(EventCode::Cycle));
        }
    }

    #[test]
    fn destroy_orphans_children_and_frees_the_slot() {
        let mut s = Scene::new();
        s.create(1, NodeType::View);
        s.create(2, NodeType::Text);
        s.append(0, 1, true);
        s.append(1, 2, true);
        assert_eq!(s.destroy(1), None);
        assert_eq!(s.by_id(2).unwrap().parent, NO_PARENT);
        assert!(s.by_id(0).unwrap().children.is_empty());
        assert_eq!(s.create(3, NodeType::View), None);
        assert_eq!(s.size(), 3);
        assert_eq!(s.insert(0, 3, 9, true).unwrap().detail, vec![b'0' as u16]);
    }
}
