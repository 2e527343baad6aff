//! Tests of `import` (in their own file: test code may unwrap).
