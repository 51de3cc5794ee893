import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../shared/tag/language/index';

describe('language identification', () => {
  it('recognises Vietnamese with diacritics', () => {
    expect(
      detectLanguage('Thủ tướng chủ trì hội nghị trực tuyến với các địa phương về phát triển kinh tế.'),
    ).toBe('vi');
  });

  it('recognises Vietnamese typed without diacritics', () => {
    expect(
      detectLanguage(
        'Thu tuong chu tri hoi nghi truc tuyen voi cac dia phuong ve phat trien kinh te cua nam nay.',
      ),
    ).toBe('vi');
  });

  it('recognises English', () => {
    expect(
      detectLanguage(
        'The minister said on Tuesday that the government would raise the minimum wage next year.',
      ),
    ).toBe('en');
  });

  it('recognises French, German and Spanish by their function words', () => {
    expect(
      detectLanguage('Le ministre a annoncé que les salaires seront augmentés dans les prochains mois.'),
    ).toBe('fr');
    expect(
      detectLanguage('Der Minister sagte, dass die Regierung die Löhne im nächsten Jahr erhöhen wird.'),
    ).toBe('de');
    expect(detectLanguage('El ministro dijo que el gobierno subirá los salarios para el próximo año.')).toBe(
      'es',
    );
  });

  it('tells Italian and Brazilian Portuguese from Vietnamese and from Spanish', () => {
    expect(
      detectLanguage(
        'Il comune ha deciso che la nuova biblioteca della città sarà aperta anche la domenica, perché molti studenti non hanno un posto per studiare.',
      ),
    ).toBe('it');
    expect(
      detectLanguage(
        'A prefeitura informou que o novo posto de saúde do bairro também vai atender aos sábados, porque muitos moradores não conseguem ir durante a semana.',
      ),
    ).toBe('pt');
  });

  it('recognises Chinese, Japanese and Korean by script', () => {
    expect(detectLanguage('政府宣布明年提高最低工资标准。')).toBe('zh');
    expect(detectLanguage('政府は来年、最低賃金を引き上げると発表した。')).toBe('ja');
    expect(detectLanguage('정부는 내년에 최저임금을 인상한다고 발표했다.')).toBe('ko');
  });

  it('uses the declared language when the text is too short to tell', () => {
    expect(detectLanguage('Hello', 'en-US')).toBe('en');
    expect(detectLanguage('2024', 'fr')).toBe('fr');
  });

  it('does not let a wrong declaration override clear evidence', () => {
    expect(detectLanguage('Ngân hàng Nhà nước điều chỉnh lãi suất điều hành từ ngày mai.', 'en')).toBe('vi');
  });
});
