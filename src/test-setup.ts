// Unit tests run against real Dexie over fake-indexeddb (an in-memory IndexedDB).
import 'fake-indexeddb/auto';
