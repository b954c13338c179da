import { ALL_EVENTS, allTopics, assertValidEventData, EventContractViolation, buildAsyncApiDocument, MemberEnrolledV1 } from './index';

describe('event contracts', () => {
  it.each(ALL_EVENTS.map((c) => [c.type, c] as const))('%s: its example satisfies its own schema', (_type, contract) => {
    expect(() => assertValidEventData(contract, contract.example)).not.toThrow();
  });

  it('types follow cn.gonghui.<service>.<aggregate>.<event>.v<N> and topics gonghui.<service>.<aggregate>.v<N>', () => {
    for (const c of ALL_EVENTS) {
      expect(c.type).toMatch(new RegExp(`^cn\\.gonghui\\.${c.producer}\\.[a-z-]+\\.[a-z-]+\\.v\\d+$`));
      expect(c.topic).toMatch(new RegExp(`^gonghui\\.${c.producer}\\.[a-z-]+\\.v\\d+$`));
    }
  });

  it('event types are unique', () => {
    expect(new Set(ALL_EVENTS.map((c) => c.type)).size).toBe(ALL_EVENTS.length);
  });

  it('rejects a member event carrying a raw national ID or an unknown field', () => {
    const leaked = { ...MemberEnrolledV1.example, maskedNationalId: '11010519491231002X' };
    expect(() => assertValidEventData(MemberEnrolledV1, leaked)).toThrow(EventContractViolation);
    const extra = { ...MemberEnrolledV1.example, mobile: '13800138000' };
    expect(() => assertValidEventData(MemberEnrolledV1, extra)).toThrow(/must NOT have additional properties/);
  });

  it('rejects a contract object that is not registered', () => {
    const rogue = { ...MemberEnrolledV1, type: 'cn.gonghui.membership.member.rogue.v1' };
    expect(() => assertValidEventData(rogue, rogue.example)).toThrow(/no contract is registered/);
  });

  it('lists every topic with its dead-letter topic', () => {
    const topics = allTopics();
    expect(topics).toContain('gonghui.membership.member.v1');
    expect(topics).toContain('gonghui.membership.member.v1.dlt');
    expect(topics.length).toBe(new Set(topics).size);
  });

  it('builds an AsyncAPI 3 document that describes every event type on its topic', () => {
    const doc = buildAsyncApiDocument() as { asyncapi: string; channels: Record<string, { address: string }>; components: { messages: Record<string, { name: string }> } };
    expect(doc.asyncapi).toBe('3.0.0');
    const names = Object.values(doc.components.messages).map((m) => m.name);
    expect(names.sort()).toEqual(ALL_EVENTS.map((c) => c.type).sort());
    const addresses = Object.values(doc.channels).map((ch) => ch.address);
    for (const c of ALL_EVENTS) expect(addresses).toContain(c.topic);
  });
});
