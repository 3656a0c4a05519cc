/**
 * The Traditional forms of the Chinese value words the importer accepts — the choice vocabularies of
 * parse-choice.ts and the yes/no words of parse-yes-no.ts and its callers — for files from Taiwan and Hong Kong
 * (usually Big5, or UTF-8 written there): 电话 is 電話 there, 犹豫 is 猶豫, 退货 is 退貨. Converted character by
 * character and checked word by word, with the words whose characters depend on the phrase written out: 制造 is
 * 製造, 以后 is 以後, 平台 is also 平臺, and Taiwan's own words beside the converted ones where only they are
 * said there (視訊會議 for 视频会议, 電話行銷 for 电话营销). Words the same in both scripts (微信, 有意向, 其他 …)
 * are not listed. Keyed by the Simplified word as the vocabularies spell it; the vocabularies add these forms
 * themselves (withTraditionalForms), so they are written once, in Simplified.
 */
export const TRADITIONAL_VALUE_FORMS: Readonly<Record<string, readonly string[]>> = {
  // Customer types.
  个人: ['個人'],
  个体: ['個體'],
  个人客户: ['個人客戶'],
  企业: ['企業'],
  企业客户: ['企業客戶'],
  工厂: ['工廠'],
  厂家: ['廠家'],
  事业单位: ['事業單位'],
  机关: ['機關'],
  政府机关: ['政府機關'],
  学校: ['學校'],
  经销商: ['經銷商'],
  分销商: ['分銷商'],
  批发商: ['批發商'],
  经销: ['經銷'],
  内部: ['內部'],
  员工: ['員工'],
  内部客户: ['內部客戶'],
  // Intents.
  意向强: ['意向強'],
  感兴趣: ['感興趣'],
  有兴趣: ['有興趣'],
  强: ['強'],
  热: ['熱'],
  犹豫: ['猶豫'],
  考虑中: ['考慮中'],
  观望: ['觀望'],
  温: ['溫'],
  暂不: ['暫不'],
  暂时不需要: ['暫時不需要'],
  以后再说: ['以後再說'],
  暂无: ['暫無'],
  暂不需要: ['暫不需要'],
  无意向: ['無意向'],
  没兴趣: ['沒興趣'],
  拒绝: ['拒絕'],
  // Follow-up channels.
  电话: ['電話'],
  致电: ['致電'],
  来电: ['來電'],
  打电话: ['打電話'],
  电联: ['電聯'],
  手机: ['手機'],
  拜访: ['拜訪'],
  上门: ['上門'],
  面谈: ['面談'],
  上门拜访: ['上門拜訪'],
  来访: ['來訪'],
  邮件: ['郵件'],
  邮箱: ['郵箱'],
  电子邮件: ['電子郵件'],
  会议: ['會議'],
  视频会议: ['視頻會議', '視訊會議'],
  开会: ['開會'],
  展会: ['展會'],
  // Needs.
  产品: ['產品'],
  货品: ['貨品'],
  服务: ['服務'],
  解决方案: ['解決方案'],
  整体方案: ['整體方案'],
  // Manual levels.
  A类: ['A類'],
  A级: ['A級'],
  A客户: ['A客戶'],
  B类: ['B類'],
  B级: ['B級'],
  B客户: ['B客戶'],
  C类: ['C類'],
  C级: ['C級'],
  C客户: ['C客戶'],
  一般客户: ['一般客戶'],
  // Customer sources.
  进店: ['進店'],
  自然进店: ['自然進店'],
  门店: ['門店'],
  转介绍: ['轉介紹'],
  介绍: ['介紹'],
  老客户介绍: ['老客戶介紹'],
  朋友介绍: ['朋友介紹'],
  广交会: ['廣交會'],
  交易会: ['交易會'],
  B2B平台: ['B2B平臺'],
  阿里国际站: ['阿里國際站'],
  中国制造网: ['中國製造網'],
  官网: ['官網'],
  网站: ['網站'],
  网页: ['網頁'],
  公众号: ['公眾號'],
  电话营销: ['電話營銷', '電話行銷'],
  电销: ['電銷'],
  陌生拜访: ['陌生拜訪'],
  // Satisfaction.
  非常满意: ['非常滿意'],
  很满意: ['很滿意'],
  满意: ['滿意'],
  不满意: ['不滿意'],
  很不满意: ['很不滿意'],
  非常不满意: ['非常不滿意'],
  // Yes and no, and the words a return or reminder column adds to them.
  对: ['對'],
  无: ['無'],
  没有: ['沒有'],
  退货: ['退貨'],
  销售: ['銷售'],
  已关闭: ['已關閉'],
  关闭: ['關閉'],
  未关闭: ['未關閉'],
  待办: ['待辦'],
};

/** Each word followed by its Traditional forms, so a vocabulary written in Simplified reads both scripts. */
export function withTraditionalForms(words: readonly string[]): string[] {
  return words.flatMap((word) => [word, ...(TRADITIONAL_VALUE_FORMS[word] ?? [])]);
}
