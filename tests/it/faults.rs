//! Faults that must heal by themselves (issue 18): a refused owner token, a crash in the middle
//! of a share, a store that cannot write.

mod crash;
mod owner_token;
mod store;
