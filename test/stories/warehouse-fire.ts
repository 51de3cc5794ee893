import { makeRecord } from '../store/records';

/** One event (a warehouse fire), each report with its own detail: the team's own made-up text. */
export const warehouseFireReport = (key: string, detail: string, publishedAt: string) =>
  makeRecord(key, {
    title: 'Cháy lớn tại kho hàng Sông Đà',
    keywords: ['cháy kho'],
    entities: {
      person: [{ name: 'Nguyễn Văn Khải', mentions: 2 }],
      organization: [{ name: 'Công ty Sông Đà', mentions: 1 }],
      place: [],
    },
    body: `Nguyễn Văn Khải và Công ty Sông Đà. ${detail}`,
    publishedAt,
  });
