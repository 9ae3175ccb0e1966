import { describe, expect, it } from 'vitest';
import { cleanTitle, dateFromUrl, findDateInText, guessLanguage, parseByline, parseDate } from '../../src/extract/index.js';

describe('cleanTitle', () => {
  it.each([
    ['Raids on dormitories in Moscow | The Daily Example', null, 'Raids on dormitories in Moscow'],
    ['Raids on dormitories in Moscow - Daily Example', null, 'Raids on dormitories in Moscow'],
    ['Raids on dormitories in Moscow — Daily Example', 'Daily Example', 'Raids on dormitories in Moscow'],
    ['Daily Example | Raids on dormitories in Moscow', 'Daily Example', 'Raids on dormitories in Moscow'],
    ['Raids in Moscow :: World | Daily Example', 'Daily Example', 'Raids in Moscow'],
    ['Court hearings continue - day three of the trial', null, 'Court hearings continue - day three of the trial'],
    ['Tajik migrants - a lost generation', null, 'Tajik migrants - a lost generation'],
    ['Police | Moscow', null, 'Police | Moscow'],
    ['В Подмосковье прошли рейды — Вечерний Вестник', null, 'В Подмосковье прошли рейды'],
    ['  Spaces   and\u00a0breaks  ', null, 'Spaces and breaks'],
    ['', null, null],
  ])('%j with site %j becomes %j', (title, site, expected) => {
    expect(cleanTitle(title, site)).toBe(expected);
  });
});

describe('parseDate', () => {
  it.each([
    ['2024-03-26', '2024-03-26T00:00:00.000Z'],
    ['2024-03-26T10:00:00Z', '2024-03-26T10:00:00.000Z'],
    ['2024-03-26T10:00:00+03:00', '2024-03-26T07:00:00.000Z'],
    ['2024-03-26T10:00:00.123-0400', '2024-03-26T14:00:00.000Z'],
    ['2024-03-26 10:30', '2024-03-26T10:30:00.000Z'],
    ['Tue, 26 Mar 2024 10:00:00 +0300', '2024-03-26T07:00:00.000Z'],
    ['Tue, 26 Mar 2024 10:00:00 GMT', '2024-03-26T10:00:00.000Z'],
    ['March 26, 2024', '2024-03-26T00:00:00.000Z'],
    ['Mar. 26, 2024 at 2:30 p.m. EDT', '2024-03-26T18:30:00.000Z'],
    ['26 March 2024', '2024-03-26T00:00:00.000Z'],
    ['26th of March 2024, 12:05 AM', '2024-03-26T00:05:00.000Z'],
    ['26 марта 2024', '2024-03-26T00:00:00.000Z'],
    ['26 марта 2024 года, 14:05', '2024-03-26T14:05:00.000Z'],
    ['26 марта 2024, 14:05 МСК', '2024-03-26T11:05:00.000Z'],
    ['14:05, 26 марта 2024', '2024-03-26T14:05:00.000Z'],
    ['1 мая 2024', '2024-05-01T00:00:00.000Z'],
    ['26.03.2024 09:30', '2024-03-26T09:30:00.000Z'],
    ['03/26/2024', '2024-03-26T00:00:00.000Z'],
    ['26/03/2024', '2024-03-26T00:00:00.000Z'],
    ['2024/03/26', '2024-03-26T00:00:00.000Z'],
    ['2024-02-30', null],
    ['31.04.2024', null],
    ['Marathon 2024', null],
    ['no date here', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it('finds the first date in running text', () => {
    expect(findDateInText('Updated: 27 марта 2024, 10:15 · Просмотров: 4 512')).toBe('2024-03-27T10:15:00.000Z');
    expect(findDateInText('Posted by staff on April 2, 2024')).toBe('2024-04-02T00:00:00.000Z');
  });
});

describe('dateFromUrl', () => {
  it.each([
    ['https://news.example/world/2024/03/26/raids-in-moscow', '2024-03-26T00:00:00.000Z'],
    ['https://news.example/2024-03-26-raids.html', '2024-03-26T00:00:00.000Z'],
    ['https://news.example/2024/03/raids', null],
    ['https://news.example/articles/20240326123456', null],
    ['https://news.example/2024/13/40/x', null],
  ])('%s → %j', (url, expected) => {
    expect(dateFromUrl(url)).toBe(expected);
  });
});

describe('guessLanguage', () => {
  it.each([
    ['Police checked the documents of workers at the market on Saturday, and the court heard the cases.', 'en'],
    ['Полиция проверила документы у рабочих на рынке в субботу, а суд рассмотрел дела.', 'ru'],
    ['Поліція перевірила документи у робітників на ринку, і суд розглянув ці справи.', 'uk'],
    ['Муҳоҷирони тоҷик дар Русия ҳуҷҷатҳои худро ҳамеша бо худ мебаранд, зеро санҷишҳо зиёд шудаанд.', 'tg'],
    ['قالت منظمات حقوقية إن السلطات كثفت حملات التفتيش على العمال المهاجرين.', 'ar'],
    ['המשטרה בדקה את המסמכים של העובדים בשוק ביום שבת.', 'he'],
    ['La police a contrôlé les papiers des ouvriers au marché samedi matin.', null],
    ['12345 !!!', null],
  ])('%s → %j', (text, expected) => {
    expect(guessLanguage(text)).toBe(expected);
  });
});

describe('parseByline', () => {
  it.each([
    ['By Jane Roe', 'Jane Roe'],
    ['By Jane Roe and John Doe', 'Jane Roe, John Doe'],
    ['By Jane Roe, Moscow correspondent', 'Jane Roe'],
    ['BY JANE ROE | March 26, 2024', 'JANE ROE'],
    ['Written by Jane Roe · Updated 10:30', 'Jane Roe'],
    ['Photographs by Lena Kovac. Text by Tomas Reyes', 'Lena Kovac, Tomas Reyes'],
    ['Автор: Ирина Соколова', 'Ирина Соколова'],
    ['Текст: Ирина Соколова и Пётр Иванов', 'Ирина Соколова, Пётр Иванов'],
    ['بقلم: سارة حداد', 'سارة حداد'],
    ['J. R. Smith', 'J. R. Smith'],
    ['Share this article on social media today with your friends and family', null],
    ['https://news.example/authors/jane', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseByline(text)).toBe(expected);
  });
});
