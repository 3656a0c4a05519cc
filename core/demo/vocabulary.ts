/** Word lists the demo draws from: a Guangzhou wholesale stall's local trade and an exporter's foreign clients. */
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '邓', '冯', '韩', '曹', '曾', '彭', '萧', '蔡', '潘', '田', '董', '袁', '于', '余', '叶', '蒋', '杜', '苏', '魏', '程', '吕', '丁', '沈', '任'];
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '志强', '晓东', '海燕', '文', '婷', '俊', '丹', '淑华', '国平', '嘉欣', '子豪', '思远', '雅琪', '宇航', '梓涵', '浩然', '欣怡'];
export const CN_PLACES: { region: string; cities: string[]; weight: number }[] = [
  { region: '广东', cities: ['广州', '佛山', '东莞', '深圳', '中山', '汕头', '惠州'], weight: 55 },
  { region: '广西', cities: ['南宁', '柳州', '桂林'], weight: 8 },
  { region: '湖南', cities: ['长沙', '衡阳', '株洲'], weight: 8 },
  { region: '福建', cities: ['厦门', '泉州', '福州'], weight: 7 },
  { region: '江西', cities: ['南昌', '赣州'], weight: 6 },
  { region: '浙江', cities: ['杭州', '义乌', '温州'], weight: 6 },
  { region: '四川', cities: ['成都', '绵阳'], weight: 5 },
  { region: '湖北', cities: ['武汉', '宜昌'], weight: 5 },
];
export const CN_TRADES = [
  { industry: '服装批发', words: ['佳美', '锦绣', '华丽', '新潮', '雅致', '金秀'], suffix: '服装' },
  { industry: '鞋帽', words: ['步步高', '鸿运', '飞跃', '金鹰'], suffix: '鞋业' },
  { industry: '小商品', words: ['万家', '百汇', '永兴', '利达', '联合'], suffix: '百货' },
  { industry: '电子配件', words: ['华强', '创新', '科讯', '迅达'], suffix: '电子' },
  { industry: '餐饮', words: ['好味', '老街', '粤香', '福满楼'], suffix: '餐饮' },
  { industry: '美容美发', words: ['丽人', '靓点', '名媛'], suffix: '美容' },
];
export const CN_COMPANY_SUFFIX = ['商行', '贸易有限公司', '经营部', '有限公司'];
export const CN_NEEDS_NOTES = ['需要月结', '要求送货上门', '看重价格', '喜欢新款', '只要现货', '批量拿货', '节前备货'];

export const FOREIGN: { country: string; currency: 'USD' | 'EUR'; phonePrefix: string; digits: number; first: string[]; last: string[]; cities: string[]; suffix: string[] }[] = [
  { country: 'US', currency: 'USD', phonePrefix: '+1212555', digits: 4, first: ['James', 'Mary', 'Robert', 'Linda', 'Michael', 'Sarah', 'David', 'Jennifer', 'Chris', 'Emily', 'Daniel', 'Ashley'], last: ['Smith', 'Johnson', 'Brown', 'Miller', 'Davis', 'Garcia', 'Wilson', 'Moore', 'Taylor', 'Clark'], cities: ['New York', 'Los Angeles', 'Miami', 'Houston'], suffix: ['Imports LLC', 'Trading Inc.', 'Supply Co.'] },
  { country: 'DE', currency: 'EUR', phonePrefix: '+49301234', digits: 4, first: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Marie', 'Paul', 'Sophie', 'Leon', 'Hannah'], last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Koch', 'Wagner'], cities: ['Berlin', 'Hamburg', 'München', 'Köln'], suffix: ['Handels GmbH', 'Import GmbH', 'KG'] },
  { country: 'FR', currency: 'EUR', phonePrefix: '+33142', digits: 6, first: ['Louis', 'Camille', 'Hugo', 'Chloé', 'Jules', 'Léa', 'Arthur', 'Manon'], last: ['Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent', 'Lefèvre', 'Girard', 'Roux'], cities: ['Paris', 'Lyon', 'Marseille'], suffix: ['SARL', 'Import SAS', 'Distribution'] },
  { country: 'IT', currency: 'EUR', phonePrefix: '+39061', digits: 7, first: ['Marco', 'Giulia', 'Luca', 'Sofia', 'Matteo', 'Chiara', 'Andrea', 'Elena'], last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci'], cities: ['Milano', 'Roma', 'Napoli'], suffix: ['S.r.l.', 'Import S.p.A.'] },
  { country: 'ES', currency: 'EUR', phonePrefix: '+34911', digits: 6, first: ['Pablo', 'Lucía', 'Javier', 'Marta', 'Carlos', 'Elena', 'Diego', 'Sara'], last: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Romero', 'Navarro'], cities: ['Madrid', 'Barcelona', 'Valencia'], suffix: ['S.L.', 'Importaciones S.A.'] },
  { country: 'NL', currency: 'EUR', phonePrefix: '+31201', digits: 6, first: ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Tess', 'Milan', 'Sara'], last: ['de Jong', 'Jansen', 'de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer'], cities: ['Amsterdam', 'Rotterdam'], suffix: ['B.V.', 'Trading B.V.'] },
  { country: 'AE', currency: 'USD', phonePrefix: '+97142', digits: 6, first: ['Ahmed', 'Fatima', 'Omar', 'Layla', 'Khalid', 'Mariam', 'Yusuf', 'Noura'], last: ['Al Mansouri', 'Al Hashimi', 'Haddad', 'Al Suwaidi', 'Khoury'], cities: ['Dubai', 'Abu Dhabi'], suffix: ['General Trading LLC', 'FZE'] },
  { country: 'NG', currency: 'USD', phonePrefix: '+23480', digits: 8, first: ['Chinedu', 'Ngozi', 'Emeka', 'Aisha', 'Tunde', 'Funke', 'Ibrahim', 'Chiamaka'], last: ['Okafor', 'Adeyemi', 'Balogun', 'Eze', 'Nwosu', 'Bello', 'Okonkwo'], cities: ['Lagos', 'Abuja', 'Kano'], suffix: ['Enterprises Ltd', 'Global Ventures'] },
  { country: 'BR', currency: 'USD', phonePrefix: '+551130', digits: 6, first: ['João', 'Ana', 'Pedro', 'Beatriz', 'Lucas', 'Mariana', 'Rafael', 'Camila'], last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Costa', 'Pereira', 'Almeida', 'Ferreira'], cities: ['São Paulo', 'Rio de Janeiro'], suffix: ['Comércio Ltda', 'Importadora'] },
];
export const FOREIGN_INDUSTRIES = ['apparel', 'footwear', 'consumer electronics', 'home goods', 'gifts & toys'];
export const OWNERS = ['阿强', '小林', 'Lily', 'Kevin'];
export const SIZE_BANDS = ['1-9', '10-49', '50-249', '250+'];
export const INCOME_BANDS = ['<10万', '10-50万', '50-200万', '200万+'];
export const TAGS_CN = ['老客户', '月结', '回头客', '新款爱好者', '价格敏感', '大单'];
export const TAGS_EXPORT = ['sample sent', 'trade fair', 'OEM', 'container buyer', 'price sensitive'];
export const FOLLOW_UP_TEXT_CN = ['电话沟通新款到货', '到店看样', '微信发了新品图片', '催款', '确认发货时间', '介绍节日促销', '回访满意度'];
export const FOLLOW_UP_TEXT_EN = ['Sent new catalogue', 'Quoted FOB price', 'Discussed sample feedback', 'Confirmed shipping date', 'Follow-up after trade fair', 'Payment reminder'];
export const OUTCOMES_CN = ['有兴趣，下周再联系', '已下单', '价格再谈', '暂时不需要'];
export const OUTCOMES_EN = ['Interested, will revert next week', 'Placed an order', 'Negotiating price', 'No need for now'];
