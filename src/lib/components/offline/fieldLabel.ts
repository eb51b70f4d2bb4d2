import type { MessageKey } from '$lib/i18n';

const LABELS: Record<string, MessageKey> = {
	name: 'colProject',
	activityDetail: 'colActivityDetail',
	budget: 'colBudget',
	location: 'colLocation',
	responsibleUnit: 'colResponsibleUnit',
	item: 'colEquipmentItem',
	detail: 'colEquipmentDetail',
	quantity: 'colQuantity',
	unit: 'colUnit',
	months: 'fieldMonths',
	section: 'fieldSection',
	// edge18: changes of shape (structureChanges)
	strategy: 'refusedStrategy',
	strategyOrder: 'refusedStrategyOrder',
	guideline: 'refusedGuideline',
	planGroup: 'refusedPlanGroup',
	groupOrder: 'refusedGroupOrder',
	planName: 'refusedPlanName',
	rowAdded: 'refusedRowAdded',
	rowRemoved: 'refusedRowRemoved',
	rowMoved: 'refusedRowMoved',
	rowOrder: 'refusedRowOrder'
};

/** The column heading people know a cell by. */
export function fieldLabel(t: (key: MessageKey) => string, field: string): string {
	const key = LABELS[field];
	return key ? t(key) : field;
}
