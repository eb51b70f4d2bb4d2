import type { th } from './th';

export const en: Record<keyof typeof th, string> = {
	appName: 'Ruamphaen',
	appTagline: 'Draft the operational plan together, live',
	switchLanguage: 'ภาษาไทย',
	plans: 'Operational plans',
	noPlans: 'No plans yet',
	fiscalYear: 'Fiscal year B.E. {year}',
	openPlan: 'Open plan',
	planNotFound: 'This plan does not exist',
	connecting: 'Connecting…',
	saved: 'Saved',
	saving: 'Saving…',
	offline: 'Offline',
	unsaved: '{count} changes not yet saved',
	readOnly: 'Read only',
	sectionIntro: 'Introduction',
	editorLoading: 'Loading editor…',
	onlineNow: 'Online now',
	you: 'you',
	guest: 'User {n}',
	errorTitle: 'Something went wrong',
	backHome: 'Back to the start page'
};
