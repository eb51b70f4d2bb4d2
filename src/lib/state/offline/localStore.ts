/**
 * A few values kept next to a plan's IndexedDB copy, per plan document: how many of my edits
 * the server has not acknowledged, the plan as it was when I started editing offline (the
 * base a conflict is judged against) and edits the server refused. One IndexedDB database
 * whose name starts with the local-copy prefix, so signing out deletes it with the copies.
 */
const DB_NAME = 'ruamphaen:offline';
const STORE = 'values';

export type LocalKey = `${'edits' | 'base' | 'refused'}:${string}`;

let opening: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
	if (typeof indexedDB === 'undefined') return Promise.resolve(null);
	opening ??= new Promise((resolve) => {
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE);
		request.onsuccess = () => {
			const db = request.result;
			// Signing out deletes this database: let it go, and open afresh next time.
			db.onversionchange = () => {
				db.close();
				opening = null;
			};
			resolve(db);
		};
		request.onerror = request.onblocked = () => {
			opening = null;
			resolve(null);
		};
	});
	return opening;
}

function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest | void): Promise<T | undefined> {
	return open().then(
		(db) =>
			new Promise<T | undefined>((resolve) => {
				if (!db) return resolve(undefined);
				try {
					const tx = db.transaction(STORE, mode);
					const request = fn(tx.objectStore(STORE));
					tx.oncomplete = () => resolve(request ? (request.result as T) : undefined);
					tx.onerror = tx.onabort = () => resolve(undefined);
				} catch {
					resolve(undefined);
				}
			})
	);
}

export const readLocal = <T>(key: LocalKey) => run<T>('readonly', (s) => s.get(key));
export const writeLocal = (key: LocalKey, value: unknown) => run('readwrite', (s) => void s.put(value, key));
export const deleteLocal = (key: LocalKey) => run('readwrite', (s) => void s.delete(key));
