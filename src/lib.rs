pub mod error;
pub mod ingest;
pub mod lexicon;
pub mod segment;
pub mod text;
pub mod quotes;
