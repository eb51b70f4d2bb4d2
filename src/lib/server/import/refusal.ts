/** Why an upload is refused, in Thai and English, for the person who uploaded it. */
export class ImportRefusal extends Error {
	override name = 'ImportRefusal';
	constructor(
		readonly th: string,
		readonly en: string
	) {
		super(en);
	}
}
