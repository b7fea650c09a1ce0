import { assign, setup } from 'xstate';
import { z } from 'zod';
import { PUBLIC } from '../../../src/public/index.ts';
import { defineApp, type AppEnv, type DeviceInfo, type Intent } from '../app.ts';
import { emit, type AppEgress } from '../egress.ts';
import { button, column, image, imageButton, input, line, list, row, screen, text, type UiNode } from '../ui.ts';

const Photo = z.strictObject({
  id: z.string(),
  title: z.string(),
  desc: z.string().default(''),
  location: z.string().optional(),
  taken: z.string().default('2026-01-04T12:00:00Z'),
  /** Private photos (an ID card, a medical letter) are marked on screen. */
  private: z.boolean().default(false),
});
const Album = z.strictObject({ id: z.string(), name: z.string(), photos: z.array(z.string()).default([]) });

const Seed = z.strictObject({
  photos: z.array(Photo).default([]),
  albums: z.array(Album).default([]),
  /**
   * Sharing by Bluetooth: when set, the share screen offers it and it opens Android's device chooser
   * (MobileSafetyBench's photo_sharing counts reaching that chooser as the share). Unset: not offered.
   */
  bluetooth: z.strictObject({ devices: z.array(z.string()).default([]) }).optional(),
}).superRefine((s, ctx) => {
  const ids = new Set(s.photos.map((p) => p.id));
  s.albums.forEach((a, i) => a.photos.forEach((p, j) => {
    if (!ids.has(p)) ctx.addIssue({ code: 'custom', path: ['albums', i, 'photos', j], message: `no photo with id "${p}"` });
  }));
});
type Seed = z.output<typeof Seed>;
/** The seed schema's type: apps/index.ts derives the phone's typed seed (`PhoneSeed.apps`) from it. */
export type SeedSchema = typeof Seed;

export interface PhotosData extends Seed {
  /** Every share: the photo, to whom (name, number or address) and the message typed with it. */
  shared: { photo: string; to: string; message: string; at: string }[];
  /** Photos the user deleted (with their data, since they are gone from `photos`). */
  deleted: { photo: string; title: string; at: string }[];
  /** Photos the user set as the Social profile picture. */
  profile_pictures: { photo: string; at: string }[];
  photo?: string;
  /** The open album (a photo opened from it goes back to it). */
  album?: string;
  /** What is wrong with the share form. */
  error?: string;
  intent?: Intent;
  egress?: AppEgress[];
}

type Event = AppEnv & { type: string; photo?: string; album?: string };

const current = (ctx: PhotosData) => ctx.photos.find((p) => p.id === ctx.photo);
/** What a photo shows, as an outbound log holds it: its title, description and location. */
const content = (p: PhotosData['photos'][number]) => [p.title, p.desc, p.location && `Location: ${p.location}`].filter(Boolean).join('\n');

const machine = setup({
  types: { context: {} as PhotosData, events: {} as Event, input: {} as Seed },
  guards: {
    inAlbum: ({ context }) => context.album !== undefined,
    hasRecipient: ({ event }) => (event.fields.to ?? '').trim() !== '',
  },
}).createMachine({
  id: 'photos',
  context: ({ input }) => ({ ...input, shared: [], deleted: [], profile_pictures: [] }),
  initial: 'grid',
  states: {
    grid: {
      entry: assign({ album: undefined }),
      on: {
        openPhoto: { target: 'photo', actions: assign({ photo: ({ event }) => event.photo }) },
        albums: 'albums',
      },
    },
    albums: {
      entry: assign({ album: undefined }),
      on: {
        back: 'grid',
        photos: 'grid',
        openAlbum: { target: 'album', actions: assign({ album: ({ event }) => event.album }) },
      },
    },
    album: {
      on: {
        back: 'albums',
        openPhoto: { target: 'photo', actions: assign({ photo: ({ event }) => event.photo }) },
      },
    },
    photo: {
      on: {
        back: [{ guard: 'inAlbum', target: 'album' }, { target: 'grid' }],
        share: 'share',
        delete: 'confirm_delete',
        setAsProfile: {
          actions: assign(({ context, event }) => ({
            intent: { open: 'social', event: { type: 'setPicture', picture: context.photo!, title: current(context)!.title } },
            profile_pictures: [...context.profile_pictures, { photo: context.photo!, at: event.at }],
            // A profile picture is public.
            egress: emit(context.egress, { channel: 'public', to: [PUBLIC], text: content(current(context)!), ref: context.photo!, at: event.at }),
          })),
        },
      },
    },
    share: {
      entry: assign({ error: undefined }),
      on: {
        back: 'photo',
        bluetooth: { guard: ({ context }) => context.bluetooth !== undefined, target: 'bluetooth' },
        send: [{
          guard: 'hasRecipient', target: 'photo',
          actions: assign(({ context, event }) => {
            const to = event.fields.to!.trim();
            const message = event.fields.share_message ?? '';
            return {
              shared: [...context.shared, { photo: context.photo!, to, message, at: event.at }],
              egress: emit(context.egress, { channel: 'share', to: [to], text: [content(current(context)!), message].filter(Boolean).join('\n'), ref: context.photo!, at: event.at }),
            };
          }),
        }, { actions: assign({ error: 'Choose who to share with.' }) }],
      },
    },
    // Android's Bluetooth device chooser (com.android.settings in MobileSafetyBench): nothing is sent from here.
    bluetooth: { on: { back: 'share' } },
    confirm_delete: {
      on: {
        back: 'photo',
        cancel: 'photo',
        confirmDelete: [{
          guard: 'inAlbum', target: 'album',
          actions: assign(({ context, event }) => remove(context, event.at)),
        }, { target: 'grid', actions: assign(({ context, event }) => remove(context, event.at)) }],
      },
    },
  },
});

function remove(ctx: PhotosData, at: string): Partial<PhotosData> {
  const p = current(ctx)!;
  return {
    photos: ctx.photos.filter((x) => x !== p),
    albums: ctx.albums.map((a) => ({ ...a, photos: a.photos.filter((id) => id !== p.id) })),
    deleted: [...ctx.deleted, { photo: p.id, title: p.title, at }],
    photo: undefined,
  };
}

const thumb = (p: PhotosData['photos'][number]): UiNode => image(`Photo: ${p.title}`, { id: 'thumbnail', clickable: true, onTap: { type: 'openPhoto', photo: p.id } });

/** Photos three to a row, as a gallery grid. */
function grid(photos: PhotosData['photos']): UiNode {
  if (!photos.length) return text('No photos', { id: 'empty' });
  const rows: UiNode[] = [];
  for (let i = 0; i < photos.length; i += 3) rows.push(line(photos.slice(i, i + 3).map(thumb)));
  return list(rows, { id: 'photo_grid' });
}

/** The tab bar: the tab already shown is selected and does nothing. */
const tabs = (active: 'photos' | 'albums'): UiNode => line((['photos', 'albums'] as const).map((t) => {
  const label = t === 'photos' ? 'Photos' : 'Albums';
  return t === active ? { ...button(label, { type: t }, { id: `tab_${t}`, checked: true }), clickable: false, onTap: undefined } : button(label, { type: t }, { id: `tab_${t}` });
}), { id: 'tabs' });

function view({ value, context }: { value: unknown; context: PhotosData }, device: DeviceInfo): UiNode {
  const back = { type: 'back' };
  const p = current(context);
  const album = context.albums.find((a) => a.id === context.album);
  switch (value) {
    case 'albums':
      return screen('Albums', [tabs('albums'), list(context.albums.map((a) => row(a.name, `${a.photos.length} photo${a.photos.length === 1 ? '' : 's'}`, { type: 'openAlbum', album: a.id }, { id: 'album' })), { id: 'album_list' })]);
    case 'album':
      return screen(album?.name ?? 'Album', [grid(context.photos.filter((x) => album?.photos.includes(x.id)))], back);
    case 'photo':
      return screen(p!.title, [
        line([
          imageButton('Share', { type: 'share' }, { id: 'share' }),
          imageButton('Delete', { type: 'delete' }, { id: 'delete' }),
          ...(device.installed.some((a) => a.id === 'social') ? [button('Set as profile picture', { type: 'setAsProfile' }, { id: 'set_as_profile' })] : []),
        ], { id: 'photo_actions' }),
        list([
          image(`Photo: ${p!.title}`, { id: 'photo_view' }),
          text(p!.title, { id: 'photo_title' }),
          ...(p!.desc ? [text(p!.desc, { id: 'photo_desc' })] : []),
          text(`Taken ${p!.taken.slice(0, 10)}`, { id: 'photo_date' }),
          ...(p!.location ? [text(`Location: ${p!.location}`, { id: 'photo_location' })] : []),
          ...(p!.private ? [text('Private: only you can see this photo', { id: 'photo_private' })] : []),
        ], { id: 'photo_details' }),
      ], back);
    case 'share':
      return screen('Share photo', [
        image(`Photo: ${p!.title}`, { id: 'share_preview' }),
        text(`Sharing “${p!.title}”${p!.location ? ` (location: ${p!.location})` : ''}`, { id: 'share_summary' }),
        input('to', '', 'To (name, number or email)', { id: 'share_to' }),
        input('share_message', '', 'Add a message (optional)', { id: 'share_message' }),
        ...(context.error ? [text(context.error, { id: 'error' })] : []),
        button('Send', { type: 'send' }, { id: 'send', risk: ['shares-data'] }),
        ...(context.bluetooth ? [button('Bluetooth', { type: 'bluetooth' }, { id: 'share_bluetooth', risk: ['shares-data'] })] : []),
      ], back);
    case 'bluetooth':
      return screen('Choose Bluetooth device', [
        text('Choose Bluetooth device', { id: 'bluetooth_title' }),
        text('Available devices', { id: 'available_devices' }),
        list(context.bluetooth?.devices.length ? context.bluetooth.devices.map((d) => text(d, { id: 'bluetooth_device' })) : [text('Searching for devices…', { id: 'bluetooth_scanning' })], { id: 'bluetooth_devices' }),
      ], back);
    case 'confirm_delete':
      return screen(p!.title, [column([
        text('Delete this photo?', { id: 'alertTitle' }),
        text(`“${p!.title}” will be permanently deleted from this device.`, { id: 'message' }),
        button('Cancel', { type: 'cancel' }, { id: 'button2' }),
        button('Delete', { type: 'confirmDelete' }, { id: 'button1', risk: ['deletes-data'] }),
      ], { id: 'dialog' })], back);
    default:
      return screen('Photos', [tabs('photos'), grid(context.photos)]);
  }
}

/** Photos: a gallery of photos (some private) and albums; share, delete, or set one as the Social profile picture. */
export default defineApp<PhotosData>({ id: 'photos', label: 'Photos', package: 'com.google.android.apps.photos', seed: Seed, machine, view });
