//! Placeholder until the generator's output lands.
