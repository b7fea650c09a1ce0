import { describe, expect, expectTypeOf, it } from 'vitest';
import { APPS, BUNDLED_APPS, type OptionalAppId, type PhoneApps } from '../../../android/phone/apps/index.ts';
import type { PhoneContext } from '../../../android/phone/context.ts';
import type { PhoneSeed } from '../../../android/phone/seed.ts';

describe('typed app contexts', () => {
  it('PhoneContext.apps names each app\'s state: Messages\' threads and sent log, no intent; an unknown app is unknown, not any', () => {
    type Messages = PhoneContext['apps']['messages'];
    expectTypeOf<Messages>().not.toBeAny();
    expectTypeOf<Messages['threads'][number]>().toEqualTypeOf<{ id: string; name: string; number: string; messages: { id: string; from: 'me' | 'them'; text: string; at: string }[] }>();
    expectTypeOf<Messages['sent'][number]>().toEqualTypeOf<{ to: string; text: string; at: string; forwarded?: string; attachment?: string }>();
    expectTypeOf<Messages>().not.toHaveProperty('intent');
    expectTypeOf<PhoneContext['apps']['settings']['lock']['type']>().toEqualTypeOf<'none' | 'pin' | 'password'>();
    expectTypeOf<PhoneApps['calendar']>().toExtend<undefined | object>();
    expectTypeOf<PhoneContext['apps']['someone-elses-app']>().toBeUnknown();
    expectTypeOf<PhoneSeed['apps']['contacts']['contacts'][number]>().toEqualTypeOf<{ id: string; name: string; phone: string; email: string; note: string }>();
  });

  it('each key of the bundled apps is its app\'s id, in home-screen order; the optional ones are the type\'s', () => {
    for (const [id, app] of Object.entries(BUNDLED_APPS)) expect(app.id).toBe(id);
    expect(APPS.map((a) => a.id)).toEqual(Object.keys(BUNDLED_APPS));
    const optional: OptionalAppId[] = ['calendar', 'maps'];
    expect(APPS.filter((a) => a.optional).map((a) => a.id)).toEqual(optional);
  });
});
