import type { App } from '../app.ts';
import messages from './messages.ts';
import contacts from './contacts.ts';
import bank from './bank.ts';
import stocks from './stocks.ts';
import notes from './notes.ts';
import social from './social.ts';
import browser from './browser.ts';
import settings from './settings.ts';
import photos from './photos.ts';
import calendar from './calendar.ts';
import maps from './maps.ts';

/** The phone's apps, in home-screen order (Calendar and Maps only when a scenario seeds them). */
export const APPS: readonly App[] = [messages, contacts, bank, stocks, notes, social, browser, settings, photos, calendar, maps];
