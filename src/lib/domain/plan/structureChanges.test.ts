import { describe, expect, it } from 'vitest';
import { planFromJson } from './json';
import { structureChanges } from './structureChanges';
import { loadSamplePlan } from './testSupport';

const samplePlan = () => planFromJson(loadSamplePlan());

describe('changes to the shape of a plan (outline and rows)', () => {
	it('finds nothing between equal plans, and nothing for a cell edit', () => {
		const after = samplePlan();
		after.projects[0].budget += 100;
		expect(structureChanges(samplePlan(), samplePlan())).toEqual([]);
		expect(structureChanges(samplePlan(), after)).toEqual([]);
	});

	it('lists a ยุทธศาสตร์ added, renamed and removed, and a new order', () => {
		const before = samplePlan();
		const after = samplePlan();
		const [s0, s1] = after.strategies;
		after.strategies.push({ id: 'new-s', name: 'ยุทธศาสตร์ใหม่', guidelines: [] });
		s0.name = 'ชื่อใหม่';
		after.strategies = [s1, s0, ...after.strategies.slice(2)];
		const changes = structureChanges(before, after);
		expect(changes).toContainEqual({ where: 'ยุทธศาสตร์ใหม่', field: 'strategy', server: '', mine: 'ยุทธศาสตร์ใหม่' });
		expect(changes).toContainEqual({ where: 'ชื่อใหม่', field: 'strategy', server: before.strategies[0].name, mine: 'ชื่อใหม่' });
		const order = changes.find((c) => c.field === 'strategyOrder')!;
		expect(order.server.split('\n')[0]).toBe(`1. ${before.strategies[0].name}`);
		expect(order.mine.split('\n')[0]).toBe(`1. ${s1.name}`);

		const removed = samplePlan();
		removed.strategies = removed.strategies.slice(1);
		expect(structureChanges(before, removed)).toContainEqual({ where: before.strategies[0].name, field: 'strategy', server: before.strategies[0].name, mine: '' });
	});

	it('lists a แผนงาน added under a ยุทธศาสตร์ and a แผนงาน renamed', () => {
		const before = samplePlan();
		const after = samplePlan();
		const s = after.strategies[0];
		const unused = after.catalogue.find((c) => !after.groups.some((g) => g.strategyId === s.id && g.planCode === c.code))!;
		after.groups.push({ id: `${s.id}-${unused.code}`, strategyId: s.id, planCode: unused.code });
		after.catalogue.find((c) => c.code === after.groups[0].planCode)!.name = 'แผนงานชื่อใหม่';
		const changes = structureChanges(before, after);
		expect(changes).toContainEqual({ where: s.name, field: 'planGroup', server: '', mine: `${unused.code} ${unused.name}` });
		expect(changes).toContainEqual(expect.objectContaining({ where: after.groups[0].planCode, field: 'planName', mine: 'แผนงานชื่อใหม่' }));
	});

	it('lists rows added, removed, moved to another แผนงาน and reordered — one line each, not one per cell', () => {
		const before = samplePlan();
		const after = samplePlan();
		const [p0, p1, p2] = after.projects;
		const sameGroup = after.projects.filter((p) => p.strategyId === p0.strategyId && p.planCode === p0.planCode);
		expect(sameGroup.length).toBeGreaterThan(2);
		// Remove p1, add a copy of p0 as a new row, move the last project of another group into p0's group.
		const other = after.projects.find((p) => p.strategyId !== p0.strategyId || p.planCode !== p0.planCode)!;
		const otherGroup = `${other.strategyId}/${other.planCode}`;
		other.strategyId = p0.strategyId;
		other.planCode = p0.planCode;
		after.projects = after.projects.filter((p) => p.id !== p1.id);
		after.projects.push({ ...p0, id: 'new-row', name: 'โครงการใหม่' });
		// Swap p0 and p2 (same group) in print order.
		const i0 = after.projects.indexOf(p0);
		const i2 = after.projects.indexOf(p2);
		[after.projects[i0], after.projects[i2]] = [p2, p0];
		const changes = structureChanges(before, after);
		const fields = (f: string) => changes.filter((c) => c.field === f);
		expect(fields('rowAdded')).toEqual([expect.objectContaining({ where: 'โครงการใหม่', server: '' })]);
		expect(fields('rowAdded')[0].mine).toContain('โครงการใหม่ · ');
		expect(fields('rowRemoved')).toEqual([expect.objectContaining({ where: p1.name, mine: '' })]);
		expect(fields('rowMoved')).toEqual([expect.objectContaining({ where: other.name })]);
		expect(fields('rowMoved')[0].server).not.toBe(fields('rowMoved')[0].mine);
		expect(otherGroup).not.toBe(`${p0.strategyId}/${p0.planCode}`);
		const order = fields('rowOrder');
		expect(order).toHaveLength(1);
		expect(order[0].server.split('\n')[0]).toBe(`1. ${p0.name}`);
		expect(order[0].mine.split('\n')[0]).toBe(`1. ${p2.name}`);
	});

	it('lists an equipment row moved to another แผนงาน', () => {
		const before = samplePlan();
		const after = samplePlan();
		const e = after.equipment[0];
		const code = after.catalogue.find((c) => c.code !== e.planCode)!.code;
		e.planCode = code;
		expect(structureChanges(before, after)).toContainEqual(expect.objectContaining({ where: e.item, field: 'rowMoved' }));
	});
});
