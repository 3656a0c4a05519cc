/**
 * China's provincial-level divisions and its major cities, to place a customer whose file has a
 * province or city but no country column ("广东" / "Shenzhen" → CN).
 *
 * Source: the Ministry of Civil Affairs' list of county-level-and-above administrative divisions
 * (中华人民共和国县以上行政区划代码, GB/T 2260 codes, 2023 edition): the 31 provinces, autonomous
 * regions and municipalities of the mainland with their short names, and for each its capital and the
 * prefecture-level cities of more than about 3 million people. English names are the official pinyin
 * spellings. Hong Kong, Macao and Taiwan carry their own ISO 3166 codes (HK, MO, TW) and are listed as
 * places of those codes, since that is how country columns and phone numbers (+852, +853, +886) code them.
 */
export interface ProvinceEntry {
  /** ISO 3166-1 alpha-2 of the place. */
  country: 'CN' | 'HK' | 'MO' | 'TW';
  /** The short Chinese name, as the region is stored ("广东", not "广东省"). */
  region: string;
  english: string;
  cities: Array<[chinese: string, english: string]>;
}

export const CHINA_PLACES: readonly ProvinceEntry[] = [
  { country: 'CN', region: '北京', english: 'Beijing', cities: [['北京', 'Beijing']] },
  { country: 'CN', region: '天津', english: 'Tianjin', cities: [['天津', 'Tianjin']] },
  { country: 'CN', region: '上海', english: 'Shanghai', cities: [['上海', 'Shanghai']] },
  { country: 'CN', region: '重庆', english: 'Chongqing', cities: [['重庆', 'Chongqing']] },
  { country: 'CN', region: '河北', english: 'Hebei', cities: [['石家庄', 'Shijiazhuang'], ['唐山', 'Tangshan'], ['保定', 'Baoding'], ['邯郸', 'Handan'], ['沧州', 'Cangzhou'], ['廊坊', 'Langfang']] },
  { country: 'CN', region: '山西', english: 'Shanxi', cities: [['太原', 'Taiyuan'], ['大同', 'Datong']] },
  { country: 'CN', region: '内蒙古', english: 'Inner Mongolia', cities: [['呼和浩特', 'Hohhot'], ['包头', 'Baotou'], ['鄂尔多斯', 'Ordos']] },
  { country: 'CN', region: '辽宁', english: 'Liaoning', cities: [['沈阳', 'Shenyang'], ['大连', 'Dalian'], ['鞍山', 'Anshan']] },
  { country: 'CN', region: '吉林', english: 'Jilin', cities: [['长春', 'Changchun'], ['吉林市', 'Jilin City']] },
  { country: 'CN', region: '黑龙江', english: 'Heilongjiang', cities: [['哈尔滨', 'Harbin'], ['大庆', 'Daqing'], ['齐齐哈尔', 'Qiqihar']] },
  { country: 'CN', region: '江苏', english: 'Jiangsu', cities: [['南京', 'Nanjing'], ['苏州', 'Suzhou'], ['无锡', 'Wuxi'], ['常州', 'Changzhou'], ['南通', 'Nantong'], ['徐州', 'Xuzhou'], ['扬州', 'Yangzhou'], ['盐城', 'Yancheng']] },
  { country: 'CN', region: '浙江', english: 'Zhejiang', cities: [['杭州', 'Hangzhou'], ['宁波', 'Ningbo'], ['温州', 'Wenzhou'], ['金华', 'Jinhua'], ['义乌', 'Yiwu'], ['绍兴', 'Shaoxing'], ['嘉兴', 'Jiaxing'], ['台州', 'Taizhou']] },
  { country: 'CN', region: '安徽', english: 'Anhui', cities: [['合肥', 'Hefei'], ['芜湖', 'Wuhu'], ['阜阳', 'Fuyang']] },
  { country: 'CN', region: '福建', english: 'Fujian', cities: [['福州', 'Fuzhou'], ['厦门', 'Xiamen'], ['泉州', 'Quanzhou'], ['漳州', 'Zhangzhou'], ['莆田', 'Putian']] },
  { country: 'CN', region: '江西', english: 'Jiangxi', cities: [['南昌', 'Nanchang'], ['赣州', 'Ganzhou']] },
  { country: 'CN', region: '山东', english: 'Shandong', cities: [['济南', 'Jinan'], ['青岛', 'Qingdao'], ['烟台', 'Yantai'], ['潍坊', 'Weifang'], ['临沂', 'Linyi'], ['淄博', 'Zibo'], ['济宁', 'Jining']] },
  { country: 'CN', region: '河南', english: 'Henan', cities: [['郑州', 'Zhengzhou'], ['洛阳', 'Luoyang'], ['南阳', 'Nanyang'], ['新乡', 'Xinxiang'], ['商丘', 'Shangqiu']] },
  { country: 'CN', region: '湖北', english: 'Hubei', cities: [['武汉', 'Wuhan'], ['宜昌', 'Yichang'], ['襄阳', 'Xiangyang']] },
  { country: 'CN', region: '湖南', english: 'Hunan', cities: [['长沙', 'Changsha'], ['株洲', 'Zhuzhou'], ['衡阳', 'Hengyang'], ['岳阳', 'Yueyang']] },
  { country: 'CN', region: '广东', english: 'Guangdong', cities: [['广州', 'Guangzhou'], ['深圳', 'Shenzhen'], ['东莞', 'Dongguan'], ['佛山', 'Foshan'], ['珠海', 'Zhuhai'], ['汕头', 'Shantou'], ['惠州', 'Huizhou'], ['中山', 'Zhongshan'], ['江门', 'Jiangmen'], ['湛江', 'Zhanjiang'], ['揭阳', 'Jieyang']] },
  { country: 'CN', region: '广西', english: 'Guangxi', cities: [['南宁', 'Nanning'], ['柳州', 'Liuzhou'], ['桂林', 'Guilin']] },
  { country: 'CN', region: '海南', english: 'Hainan', cities: [['海口', 'Haikou'], ['三亚', 'Sanya']] },
  { country: 'CN', region: '四川', english: 'Sichuan', cities: [['成都', 'Chengdu'], ['绵阳', 'Mianyang'], ['南充', 'Nanchong']] },
  { country: 'CN', region: '贵州', english: 'Guizhou', cities: [['贵阳', 'Guiyang'], ['遵义', 'Zunyi']] },
  { country: 'CN', region: '云南', english: 'Yunnan', cities: [['昆明', 'Kunming'], ['曲靖', 'Qujing']] },
  { country: 'CN', region: '西藏', english: 'Tibet', cities: [['拉萨', 'Lhasa']] },
  { country: 'CN', region: '陕西', english: 'Shaanxi', cities: [['西安', "Xi'an"], ['咸阳', 'Xianyang'], ['宝鸡', 'Baoji']] },
  { country: 'CN', region: '甘肃', english: 'Gansu', cities: [['兰州', 'Lanzhou']] },
  { country: 'CN', region: '青海', english: 'Qinghai', cities: [['西宁', 'Xining']] },
  { country: 'CN', region: '宁夏', english: 'Ningxia', cities: [['银川', 'Yinchuan']] },
  { country: 'CN', region: '新疆', english: 'Xinjiang', cities: [['乌鲁木齐', 'Urumqi'], ['喀什', 'Kashgar']] },
  { country: 'HK', region: '香港', english: 'Hong Kong', cities: [['香港', 'Hong Kong']] },
  { country: 'MO', region: '澳门', english: 'Macao', cities: [['澳门', 'Macao']] },
  { country: 'TW', region: '台湾', english: 'Taiwan', cities: [['台北', 'Taipei'], ['高雄', 'Kaohsiung'], ['台中', 'Taichung']] },
];
