/** The sample plan with its projects repeated (new ids, spread over the same groups) up to `count`. */
export function enlarge(plan, count) {
	const base = plan.projects;
	const projects = [];
	for (let i = 0; i < count; i++) {
		const p = base[i % base.length];
		projects.push({ ...p, id: `BENCH-${i}`, name: `${p.name} (ชุดที่ ${Math.floor(i / base.length) + 1})` });
	}
	// Keep print order: group by (strategy, แผนงาน) in the plan's group order.
	const order = new Map(plan.groups.map((g, i) => [`${g.strategyId}|${g.planCode}`, i]));
	projects.sort((a, b) => order.get(`${a.strategyId}|${a.planCode}`) - order.get(`${b.strategyId}|${b.planCode}`));
	return { ...plan, projects };
}
